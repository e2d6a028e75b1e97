/*
 * Reflection prompts: each question of an activity gets a text box whose answer is kept in
 * this browser (localStorage, see core.js), saved a moment after typing stops, on leaving the
 * box and on leaving the page. Without storage the questions stay printed questions.
 */
(() => {
  "use strict";

  const Mochila = window.Mochila;
  const { t, setText, storeGet, storeSet } = Mochila;
  const SAVE_DELAY = 400; /* ms after the last key */

  /* The localStorage key of one answer. */
  function answerKey(store, activity, promptId) {
    return Mochila.PREFIX + store + ":" + activity + ":" + promptId;
  }

  function initPrompt(prompt, storage, store) {
    const owner = prompt.closest("[data-mochila-activity]");
    const textarea = prompt.querySelector(".mochila-prompt__answer");
    if (!owner || !textarea) return null;
    const activity = owner.getAttribute("data-mochila-activity");
    const promptId = prompt.getAttribute("data-mochila-prompt");
    if (!activity || !promptId) return null;

    const key = answerKey(store, activity, promptId);
    const textEl = prompt.querySelector(".mochila-prompt__text");
    const status = prompt.querySelector(".mochila-prompt__status");
    const lines = prompt.querySelector(".mochila-prompt__lines");
    /* The answer as printed text (a textarea prints as an empty box). */
    const printed = Mochila.el("div", "mochila-prompt__print");
    printed.setAttribute("aria-hidden", "true");
    textarea.parentNode.insertBefore(printed, lines || textarea.nextSibling);

    const saved = storeGet(storage, key);
    let lastSaved = saved && typeof saved.answer === "string" ? saved.answer : "";
    let timer = null;

    function show(answer) {
      printed.textContent = answer;
      prompt.classList.toggle("mochila-prompt--answered", answer.trim() !== "");
    }

    function save() {
      clearTimeout(timer);
      timer = null;
      const answer = textarea.value;
      if (answer === lastSaved) {
        setText(status, answer.trim() ? t("saved") : "");
        return;
      }
      const ok =
        answer.trim() === ""
          ? storeSet(storage, key, null)
          : storeSet(storage, key, {
              prompt: textEl ? textEl.textContent.trim() : "",
              answer,
              title: owner.getAttribute("data-mochila-title") || activity,
              path: owner.getAttribute("data-mochila-path") || "",
              updated: new Date().toISOString(),
            });
      if (ok) lastSaved = answer;
      setText(status, !ok ? t("not_saved") : answer.trim() ? t("saved") : "");
      prompt.classList.toggle("mochila-prompt--unsaved", !ok);
      show(answer);
    }

    textarea.value = lastSaved;
    show(lastSaved);
    if (lastSaved.trim()) setText(status, t("saved"));
    textarea.hidden = false;

    textarea.addEventListener("input", () => {
      setText(status, t("saving"));
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY);
    });
    textarea.addEventListener("blur", () => {
      if (timer !== null) save();
    });
    /* Another tab wrote the same answer: follow it unless we are typing. */
    window.addEventListener("storage", (event) => {
      if (event.key !== key || document.activeElement === textarea) return;
      const data = storeGet(storage, key);
      lastSaved = data && typeof data.answer === "string" ? data.answer : "";
      textarea.value = lastSaved;
      show(lastSaved);
    });
    return () => {
      if (timer !== null) save();
    };
  }

  function init(storage, store) {
    const prompts = document.querySelectorAll(".mochila-prompt[data-mochila-prompt]");
    if (!prompts.length || !storage) return;
    const flushers = [];
    prompts.forEach((prompt) => {
      const flush = initPrompt(prompt, storage, store);
      if (flush) flushers.push(flush);
    });
    /* Closing the page within the save delay must not lose the last words. */
    window.addEventListener("pagehide", () => flushers.forEach((flush) => flush()));
  }

  Mochila.prompts = { answerKey, init };
})();
