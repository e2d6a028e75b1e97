"""The plain-text README of a bundle, in its language, for the person holding the USB stick."""

from __future__ import annotations

from ...domain.edition import Edition
from ...domain.strings import Strings

TEXT = {
    "en": """{title}
{underline}

{edition_line}

HOW TO OPEN IT
1. Copy the zip file to the computer (or open it from the USB stick).
2. Unzip it: right-click the file and choose "Extract all" (Windows) or double-click it (Mac).
3. Open the new folder and double-click "{start}".
   It opens in your web browser. No internet connection is needed.
   Chrome or Edge work best: in Firefox, "My reflections" cannot gather the answers
   written on the activity pages (each answer still stays on its own page).

Everything works without internet: the activities, the search box, the filters and the
reflection journal. Your answers to the reflection questions stay in this browser on this
computer; nobody else sees them.

HOW TO CHECK THAT THE COPY IS COMPLETE
On a computer with Mochila installed, run:   mochila verify <this folder or the zip file>
It compares every file with the list in manifest.json and reports missing, extra or damaged
files. The footer of every page shows the edition and the number of activities, so you can
tell whether this copy is the latest one.
""",
    "es": """{title}
{underline}

{edition_line}

CÓMO ABRIRLO
1. Copie el archivo zip al computador (o ábralo desde la memoria USB).
2. Descomprímalo: clic derecho sobre el archivo y elija "Extraer todo" (Windows) o haga
   doble clic (Mac).
3. Abra la carpeta nueva y haga doble clic en "{start}".
   Se abre en el navegador. No necesita conexión a internet.
   Funciona mejor con Chrome o Edge: en Firefox, "Mis reflexiones" no puede reunir las
   respuestas escritas en las actividades (cada respuesta sigue en su propia página).

Todo funciona sin internet: las actividades, el buscador, los filtros y el diario de
reflexiones. Sus respuestas a las preguntas de reflexión se quedan en este navegador, en este
computador; nadie más las ve.

CÓMO COMPROBAR QUE LA COPIA ESTÁ COMPLETA
En un computador con Mochila instalado, ejecute:   mochila verify <esta carpeta o el zip>
Compara cada archivo con la lista de manifest.json e informa de archivos que faltan, sobran
o están dañados. El pie de cada página muestra la edición y el número de actividades, para
saber si esta copia es la más reciente.
""",
}


def readme_text(edition: Edition, strings: Strings, count: int) -> str:
    template = TEXT.get(edition.lang, TEXT["en"])
    title = edition.title or strings["catalogue_title"]
    text = template.format(
        title=title,
        underline="=" * len(title),
        edition_line=strings.format("edition_line", edition=edition.label, count=count),
        start=strings["start_page"],
    )
    # Windows Notepad on old laptops shows a one-line file without CRLF line ends.
    return text.replace("\n", "\r\n")
