#!/usr/bin/env python3
"""Generate a large, realistic and deterministic Mochila content folder.

Why this exists: the sample content is a handful of pages, which hides problems that only
show up at scale (slow builds, search indexes that blow up, catalogue pages that do not
paginate, broken cross-links between translations). This script writes a complete content
folder that follows the content contract, with as many activities as asked for, so that
tests and benchmarks can exercise the plugins on something shaped like a real collection.

Why it is written the way it is:

* Deterministic: the same arguments always give byte-identical files (a single
  ``random.Random(seed)``, no clock, no set iteration), so benchmark numbers and test
  failures can be reproduced and compared.
* Realistic text: bodies are assembled from paired English/Spanish sentence templates and
  themed word lists, so translations say the same thing and search indexes see a natural
  spread of vocabulary instead of lorem ipsum.
* Fast and dependency-free: only the standard library, and front matter is rendered by
  hand (strings that are not safe as plain YAML are written as JSON strings, which are
  valid YAML), so 1,000 activities in two languages take about a second.

Usage::

    python scripts/gen_corpus.py OUT_DIR --n 1000 --seed 1 [--languages en,es]
        [--images-ratio 0.3] [--force]

or, from Python, ``generate(Path("out"), n=1000, seed=1)``.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import random
import re
import shutil
import string
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# A pair is the same text in every supported language, in SUPPORTED_LANGUAGES order.
Pair = tuple[str, str]

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "es")
LANG_INDEX = {lang: i for i, lang in enumerate(SUPPORTED_LANGUAGES)}

CATALOGUE_MARKER = "<!-- mochila:catalogue -->"
# Written into every generated folder so that --force only ever deletes our own output.
MARKER_FILE = ".gen_corpus"
# Newest possible `updated` date; dates are spread backwards from it by the seeded RNG
# so that output never depends on the day the script runs.
UPDATED_ANCHOR = date(2026, 3, 14)

# Kept identical to content/_vocabulary.yml (the test checks that the ids match), so that
# generated activities exercise the real facets and labels.
VOCABULARY_YAML = """\
# Controlled vocabulary for Mochila activities.
# Ids are what activities use in their front matter; labels are what readers see.
# Add a new entry here before using a new id in an activity.

audience:
  - id: families
    label: {en: Families, es: Familias}
  - id: educators
    label: {en: Educators, es: Educadoras y educadores}
  - id: facilitators
    label: {en: Facilitators, es: Facilitadoras y facilitadores}

areas:
  - id: motor
    label: {en: Movement and motor skills, es: Movimiento y motricidad}
  - id: language
    label: {en: Language and communication, es: Lenguaje y comunicación}
  - id: cognitive
    label: {en: Thinking and exploration, es: Pensamiento y exploración}
  - id: social-emotional
    label: {en: Feelings and relationships, es: Emociones y relaciones}
  - id: creative
    label: {en: Art and creativity, es: Arte y creatividad}
  - id: sensory
    label: {en: Senses, es: Sentidos}

tags:
  - id: outdoor
    label: {en: Outdoors, es: Al aire libre}
  - id: indoor
    label: {en: Indoors, es: Bajo techo}
  - id: water
    label: {en: Water, es: Agua}
  - id: music
    label: {en: Music, es: Música}
  - id: stories
    label: {en: Stories, es: Cuentos e historias}
  - id: nature
    label: {en: Nature, es: Naturaleza}
  - id: recycled-materials
    label: {en: Recycled materials, es: Materiales reciclados}
  - id: group
    label: {en: Group play, es: Juego en grupo}
  - id: movement
    label: {en: Movement, es: Movimiento}
  - id: kitchen
    label: {en: Kitchen, es: Cocina}
  - id: animals
    label: {en: Animals, es: Animales}
  - id: calm
    label: {en: Calm moments, es: Momentos de calma}
"""

# The tables below are laid out by hand for reading; keep the formatter off them.
# fmt: off
AUDIENCE_IDS = ("families", "educators", "facilitators")
AREA_IDS = ("motor", "language", "cognitive", "social-emotional", "creative", "sensory")
TAG_IDS = (
    "outdoor", "indoor", "water", "music", "stories", "nature",
    "recycled-materials", "group", "movement", "kitchen", "animals", "calm",
)

# Every key the content contract allows, in the order they are written.
FRONT_MATTER_KEYS = (
    "id", "title", "summary", "audience", "areas", "tags", "age", "duration", "materials",
    "reflection", "related", "status", "visibility", "license", "authors", "updated",
)

LICENSES = ("CC BY-SA 4.0", "CC BY 4.0", "CC BY-NC-SA 4.0", "CC0 1.0")
AUTHORS = (
    "Ana Torres", "Luis Pérez", "Marta Gil", "Sam Okafor", "Lena Fischer", "Equipo Mochila",
    "Carmen Ruiz", "Tomás Herrera", "Priya Nair", "Jordi Vidal", "Fatou Diallo", "Iris Moreno",
)
CHILD_NAMES = (
    "Lucía", "Mateo", "Amara", "Yusuf", "Nora", "Leo", "Sofía", "Kwame", "Inés", "Hugo",
    "Aiyana", "Bruno", "Mei", "Daniel", "Zoe", "Omar", "Valentina", "Tomás", "Priya", "Elif",
    "Gael", "Noa", "Iker", "Alba", "Samuel", "Maya", "Adrián", "Lina", "Rafa", "Olivia",
)
# fmt: on


@dataclass(frozen=True)
class Group:
    """A theme: one sub-folder of ``activities/`` with its own words and defaults.

    Why: giving each folder its own objects, verbs and words makes the vocabulary of one
    theme differ from another, as it would in a real collection.
    """

    folder: str
    theme: Pair  # used as "about {theme}" / "de {theme}"
    areas: tuple[str, ...]
    tags: tuple[str, ...]
    bases: tuple[tuple[str, str, str], ...]  # (slug base, English title, Spanish title)
    objects: tuple[Pair, ...]  # with their article: materials and sentence objects
    verbs: tuple[Pair, ...]  # infinitives that take one of `objects`
    words: tuple[Pair, ...]  # single words children might use


# fmt: off
GROUPS: tuple[Group, ...] = (
    Group(
        folder="water",
        theme=("water play", "juego con agua"),
        areas=("sensory", "cognitive", "motor"),
        tags=("water", "outdoor", "indoor"),
        bases=(
            ("pouring-cups", "Pouring cups", "Trasvasar vasos"),
            ("floating-boats", "Floating boats", "Barcos que flotan"),
            ("sponge-squeeze", "Sponge squeeze", "Exprimir esponjas"),
            ("ice-treasures", "Ice treasures", "Tesoros de hielo"),
            ("rain-painting", "Rain painting", "Pintar con lluvia"),
            ("sink-and-float", "Sink and float", "Hundir y flotar"),
            ("bubble-station", "Bubble station", "Estación de burbujas"),
            ("puddle-jumping", "Puddle jumping", "Saltar charcos"),
        ),
        objects=(
            ("two plastic cups", "dos vasos de plástico"),
            ("a jug of warm water", "una jarra de agua tibia"),
            ("a large sponge", "una esponja grande"),
            ("a shallow tray", "una bandeja poco profunda"),
            ("a small funnel", "un embudo pequeño"),
            ("a handful of corks", "un puñado de corchos"),
            ("a bowl of ice cubes", "un cuenco con cubitos de hielo"),
            ("a watering can", "una regadera"),
            ("a plastic bottle with holes", "una botella de plástico con agujeros"),
            ("a basin of soapy water", "un barreño con agua y jabón"),
            ("a ladle", "un cazo"),
            ("a few pebbles", "unas cuantas piedrecitas"),
        ),
        verbs=(
            ("pour", "verter"), ("fill", "llenar"), ("empty", "vaciar"),
            ("squeeze", "escurrir"), ("float", "hacer flotar"), ("stir", "remover"),
        ),
        words=(
            ("full", "lleno"), ("empty", "vacío"), ("drip", "gota"), ("splash", "chapoteo"),
            ("heavy", "pesado"), ("wet", "mojado"), ("cold", "frío"), ("bubble", "burbuja"),
            ("float", "flotar"), ("sink", "hundirse"),
        ),
    ),
    Group(
        folder="movement",
        theme=("movement", "movimiento"),
        areas=("motor", "social-emotional"),
        tags=("movement", "outdoor", "group", "indoor"),
        bases=(
            ("obstacle-path", "Obstacle path", "Camino de obstáculos"),
            ("animal-walks", "Animal walks", "Caminar como animales"),
            ("balance-beam", "Balance beam", "Barra de equilibrio"),
            ("freeze-dance", "Freeze dance", "Baile congelado"),
            ("rolling-hill", "Rolling down the hill", "Rodar cuesta abajo"),
            ("tunnel-crawl", "Tunnel crawl", "Gatear por el túnel"),
            ("ribbon-dance", "Ribbon dance", "Danza de cintas"),
            ("stepping-stones", "Stepping stones", "Piedras para saltar"),
        ),
        objects=(
            ("a long rope", "una cuerda larga"),
            ("three cushions", "tres cojines"),
            ("a cardboard tunnel", "un túnel de cartón"),
            ("a low bench", "un banco bajo"),
            ("a few hoops", "unos aros"),
            ("a soft ball", "una pelota blanda"),
            ("colourful ribbons", "cintas de colores"),
            ("a strip of masking tape", "una tira de cinta de carrocero"),
            ("a big blanket", "una manta grande"),
            ("two chairs", "dos sillas"),
            ("a bean bag", "una bolsita de semillas"),
            ("paper footprints", "huellas de papel"),
        ),
        verbs=(
            ("throw", "lanzar"), ("carry", "llevar"), ("push", "empujar"),
            ("roll", "hacer rodar"), ("lift", "levantar"), ("step over", "pasar por encima de"),
        ),
        words=(
            ("jump", "saltar"), ("slow", "despacio"), ("fast", "rápido"), ("up", "arriba"),
            ("down", "abajo"), ("balance", "equilibrio"), ("stretch", "estirar"),
            ("spin", "girar"), ("hop", "brincar"), ("crawl", "gatear"),
        ),
    ),
    Group(
        folder="music",
        theme=("music", "música"),
        areas=("creative", "language", "sensory"),
        tags=("music", "group", "indoor"),
        bases=(
            ("shaker-band", "Shaker band", "Banda de maracas"),
            ("pots-and-pans-drums", "Pots and pans drums", "Tambores de ollas"),
            ("echo-songs", "Echo songs", "Canciones de eco"),
            ("sound-hunt", "Sound hunt", "Caza de sonidos"),
            ("lullaby-circle", "Lullaby circle", "Círculo de nanas"),
            ("rhythm-sticks", "Rhythm sticks", "Palos de ritmo"),
            ("loud-and-quiet", "Loud and quiet", "Fuerte y flojito"),
            ("body-percussion", "Body percussion", "Percusión corporal"),
        ),
        objects=(
            ("a homemade shaker", "una maraca casera"),
            ("two wooden spoons", "dos cucharas de madera"),
            ("an old saucepan", "una cacerola vieja"),
            ("a small drum", "un tambor pequeño"),
            ("a bag of bells", "una bolsa de cascabeles"),
            ("a pair of rhythm sticks", "un par de claves"),
            ("a plastic bottle with rice", "una botella de plástico con arroz"),
            ("a xylophone", "un xilófono"),
            ("a silk scarf", "un pañuelo de seda"),
            ("a tambourine", "una pandereta"),
            ("a recorded song", "una canción grabada"),
            ("an empty biscuit tin", "una lata de galletas vacía"),
        ),
        verbs=(
            ("shake", "agitar"), ("tap", "golpear suavemente"), ("listen to", "escuchar"),
            ("pass", "pasar"), ("play", "tocar"), ("hide", "esconder"),
        ),
        words=(
            ("loud", "fuerte"), ("quiet", "suave"), ("fast", "rápido"), ("slow", "lento"),
            ("beat", "pulso"), ("echo", "eco"), ("rhythm", "ritmo"), ("song", "canción"),
            ("silence", "silencio"), ("melody", "melodía"),
        ),
    ),
    Group(
        folder="stories",
        theme=("stories", "cuentos"),
        areas=("language", "social-emotional", "cognitive"),
        tags=("stories", "calm", "indoor"),
        bases=(
            ("story-basket", "Story basket", "Cesta de cuentos"),
            ("puppet-theatre", "Puppet theatre", "Teatro de títeres"),
            ("picture-walk", "Picture walk", "Paseo por las imágenes"),
            ("story-stones", "Story stones", "Piedras cuentacuentos"),
            ("shadow-tales", "Shadow tales", "Cuentos de sombras"),
            ("what-happens-next", "What happens next", "Qué pasa después"),
            ("family-album", "Family album", "Álbum de familia"),
            ("rhyme-time", "Rhyme time", "Hora de rimas"),
        ),
        objects=(
            ("a picture book", "un libro ilustrado"),
            ("a sock puppet", "un títere de calcetín"),
            ("a basket of small toys", "una cesta de juguetes pequeños"),
            ("painted stones", "piedras pintadas"),
            ("a torch", "una linterna"),
            ("a white sheet", "una sábana blanca"),
            ("family photos", "fotos de familia"),
            ("a felt board", "un tablero de fieltro"),
            ("picture cards", "tarjetas con dibujos"),
            ("a cardboard theatre", "un teatrillo de cartón"),
            ("a cuddly rabbit", "un conejo de peluche"),
            ("a wizard hat", "un sombrero de mago"),
        ),
        verbs=(
            ("hold up", "levantar"), ("hide", "esconder"), ("choose", "elegir"),
            ("describe", "describir"), ("point to", "señalar"), ("name", "nombrar"),
        ),
        words=(
            ("once", "érase"), ("character", "personaje"), ("ending", "final"),
            ("rhyme", "rima"), ("brave", "valiente"), ("forest", "bosque"),
            ("journey", "viaje"), ("secret", "secreto"), ("giant", "gigante"),
            ("whisper", "susurro"),
        ),
    ),
    Group(
        folder="nature",
        theme=("nature", "naturaleza"),
        areas=("cognitive", "sensory", "motor"),
        tags=("nature", "outdoor"),
        bases=(
            ("leaf-collection", "Leaf collection", "Colección de hojas"),
            ("bug-hotel", "Bug hotel", "Hotel de insectos"),
            ("seed-planting", "Seed planting", "Plantar semillas"),
            ("mud-kitchen", "Mud kitchen", "Cocina de barro"),
            ("stick-sculptures", "Stick sculptures", "Esculturas de palos"),
            ("cloud-watching", "Cloud watching", "Mirar las nubes"),
            ("pebble-patterns", "Pebble patterns", "Patrones con piedras"),
            ("nature-walk", "Nature walk", "Paseo por la naturaleza"),
        ),
        objects=(
            ("a basket of leaves", "una cesta de hojas"),
            ("a magnifying glass", "una lupa"),
            ("a handful of seeds", "un puñado de semillas"),
            ("a flower pot", "una maceta"),
            ("a bag of soil", "una bolsa de tierra"),
            ("a few sticks", "unos palos"),
            ("pine cones", "piñas"),
            ("a bucket of mud", "un cubo de barro"),
            ("smooth pebbles", "piedras lisas"),
            ("a paper bag", "una bolsa de papel"),
            ("a small trowel", "una pala pequeña"),
            ("feathers", "plumas"),
        ),
        verbs=(
            ("collect", "recoger"), ("sort", "clasificar"), ("plant", "plantar"),
            ("dig up", "desenterrar"), ("arrange", "ordenar"), ("compare", "comparar"),
        ),
        words=(
            ("leaf", "hoja"), ("root", "raíz"), ("seed", "semilla"), ("soil", "tierra"),
            ("rough", "áspero"), ("smooth", "liso"), ("branch", "rama"),
            ("shadow", "sombra"), ("grow", "crecer"), ("bark", "corteza"),
        ),
    ),
    Group(
        folder="kitchen",
        theme=("cooking", "cocina"),
        areas=("motor", "cognitive", "sensory"),
        tags=("kitchen", "indoor"),
        bases=(
            ("fruit-salad", "Fruit salad", "Macedonia de frutas"),
            ("bread-dough", "Bread dough", "Masa de pan"),
            ("spice-smelling", "Spice smelling", "Oler especias"),
            ("sandwich-shapes", "Sandwich shapes", "Sándwiches con formas"),
            ("pasta-threading", "Pasta threading", "Ensartar macarrones"),
            ("lemonade-stand", "Lemonade stand", "Puesto de limonada"),
            ("measuring-rice", "Measuring rice", "Medir arroz"),
            ("vegetable-prints", "Vegetable prints", "Estampar con verduras"),
        ),
        objects=(
            ("a ripe banana", "un plátano maduro"),
            ("a blunt knife", "un cuchillo sin punta"),
            ("a bowl of flour", "un cuenco de harina"),
            ("a rolling pin", "un rodillo"),
            ("a few lemons", "unos limones"),
            ("dry pasta", "pasta seca"),
            ("a measuring cup", "una taza medidora"),
            ("small jars of spices", "tarritos de especias"),
            ("cookie cutters", "cortadores de galletas"),
            ("a wooden board", "una tabla de madera"),
            ("a sieve", "un colador"),
            ("half a potato", "media patata"),
        ),
        verbs=(
            ("mix", "mezclar"), ("knead", "amasar"), ("cut", "cortar"),
            ("measure", "medir"), ("smell", "oler"), ("thread", "ensartar"),
        ),
        words=(
            ("sweet", "dulce"), ("sour", "ácido"), ("sticky", "pegajoso"), ("soft", "blando"),
            ("crunchy", "crujiente"), ("warm", "caliente"), ("spoon", "cuchara"),
            ("recipe", "receta"), ("taste", "sabor"), ("dough", "masa"),
        ),
    ),
    Group(
        folder="animals",
        theme=("animals", "animales"),
        areas=("cognitive", "language", "social-emotional"),
        tags=("animals", "nature", "outdoor"),
        bases=(
            ("animal-sounds", "Animal sounds", "Sonidos de animales"),
            ("snail-watch", "Snail watch", "Observar caracoles"),
            ("bird-feeder", "Bird feeder", "Comedero de pájaros"),
            ("farm-puzzle", "Farm puzzle", "Puzle de la granja"),
            ("footprint-detectives", "Footprint detectives", "Detectives de huellas"),
            ("feeding-the-fish", "Feeding the fish", "Dar de comer a los peces"),
            ("animal-masks", "Animal masks", "Máscaras de animales"),
            ("ant-trail", "Ant trail", "El camino de las hormigas"),
        ),
        objects=(
            ("a toy farm", "una granja de juguete"),
            ("animal figures", "figuras de animales"),
            ("a pine cone feeder", "un comedero hecho con una piña"),
            ("a bag of birdseed", "una bolsa de alpiste"),
            ("a clear box with a snail", "una caja transparente con un caracol"),
            ("paper plates", "platos de papel"),
            ("animal picture cards", "tarjetas de animales"),
            ("a pair of binoculars", "unos prismáticos"),
            ("a small fish tank", "una pecera pequeña"),
            ("a notebook", "una libreta"),
            ("lettuce leaves", "hojas de lechuga"),
            ("a toy dog", "un perro de juguete"),
        ),
        verbs=(
            ("feed", "alimentar"), ("watch", "observar"), ("imitate", "imitar"),
            ("match", "emparejar"), ("count", "contar"), ("draw", "dibujar"),
        ),
        words=(
            ("paw", "pata"), ("feather", "pluma"), ("shell", "caparazón"), ("nest", "nido"),
            ("tail", "cola"), ("wing", "ala"), ("fur", "pelo"), ("beak", "pico"),
            ("hungry", "hambriento"), ("burrow", "madriguera"),
        ),
    ),
    Group(
        folder="art",
        theme=("art", "arte"),
        areas=("creative", "motor"),
        tags=("recycled-materials", "indoor", "group"),
        bases=(
            ("finger-painting", "Finger painting", "Pintura con dedos"),
            ("collage-garden", "Collage garden", "Jardín de collage"),
            ("clay-creatures", "Clay creatures", "Criaturas de arcilla"),
            ("box-city", "Box city", "Ciudad de cajas"),
            ("colour-mixing", "Colour mixing", "Mezclar colores"),
            ("sticker-stories", "Sticker stories", "Historias con pegatinas"),
            ("chalk-murals", "Chalk murals", "Murales de tiza"),
            ("paper-tearing", "Paper tearing", "Rasgar papel"),
        ),
        objects=(
            ("a large sheet of paper", "un papel grande"),
            ("three pots of paint", "tres botes de pintura"),
            ("a lump of clay", "un trozo de arcilla"),
            ("empty cereal boxes", "cajas de cereales vacías"),
            ("thick brushes", "pinceles gruesos"),
            ("old magazines", "revistas viejas"),
            ("a glue stick", "una barra de pegamento"),
            ("coloured chalk", "tizas de colores"),
            ("tissue paper", "papel de seda"),
            ("bottle caps", "tapones de botella"),
            ("a roll of tape", "un rollo de cinta adhesiva"),
            ("a sponge roller", "un rodillo de esponja"),
        ),
        verbs=(
            ("paint", "pintar"), ("tear", "rasgar"), ("glue", "pegar"),
            ("press", "presionar"), ("stack", "apilar"), ("decorate", "decorar"),
        ),
        words=(
            ("red", "rojo"), ("blue", "azul"), ("yellow", "amarillo"), ("shape", "forma"),
            ("line", "línea"), ("dot", "punto"), ("bright", "brillante"),
            ("texture", "textura"), ("pattern", "patrón"), ("colour", "color"),
        ),
    ),
    Group(
        folder="senses",
        theme=("the senses", "los sentidos"),
        areas=("sensory", "cognitive", "language"),
        tags=("indoor", "calm", "recycled-materials"),
        bases=(
            ("texture-board", "Texture board", "Panel de texturas"),
            ("mystery-bag", "Mystery bag", "Bolsa misteriosa"),
            ("light-table", "Light table", "Mesa de luz"),
            ("smell-jars", "Smell jars", "Botes de olores"),
            ("treasure-basket", "Treasure basket", "Cesto de los tesoros"),
            ("sensory-bottles", "Sensory bottles", "Botellas sensoriales"),
            ("rice-tray", "Rice tray", "Bandeja de arroz"),
            ("touch-and-tell", "Touch and tell", "Tocar y contar"),
        ),
        objects=(
            ("a cloth bag", "una bolsa de tela"),
            ("pieces of fabric", "trozos de tela"),
            ("a tray of rice", "una bandeja de arroz"),
            ("a bottle with glitter", "una botella con purpurina"),
            ("a wooden spoon", "una cuchara de madera"),
            ("a metal whisk", "unas varillas de metal"),
            ("a piece of velvet", "un trozo de terciopelo"),
            ("a small mirror", "un espejo pequeño"),
            ("coloured cellophane", "celofán de colores"),
            ("a lemon peel", "una piel de limón"),
            ("a soft brush", "un cepillo suave"),
            ("a sheet of bubble wrap", "una lámina de plástico de burbujas"),
        ),
        verbs=(
            ("touch", "tocar"), ("feel", "palpar"), ("find", "encontrar"),
            ("shake", "agitar"), ("smell", "oler"), ("explore", "explorar"),
        ),
        words=(
            ("rough", "rugoso"), ("soft", "suave"), ("bright", "brillante"),
            ("dark", "oscuro"), ("cold", "frío"), ("warm", "templado"),
            ("bumpy", "irregular"), ("smooth", "liso"), ("scent", "olor"),
            ("crinkly", "arrugado"),
        ),
    ),
    Group(
        folder="calm",
        theme=("calm", "calma"),
        areas=("social-emotional", "sensory"),
        tags=("calm", "indoor"),
        bases=(
            ("breathing-balloon", "Breathing balloon", "Globo de respiración"),
            ("quiet-corner", "Quiet corner", "Rincón tranquilo"),
            ("feelings-mirror", "Feelings mirror", "Espejo de emociones"),
            ("massage-stories", "Massage stories", "Cuentos con masaje"),
            ("glitter-jar", "Glitter jar", "Bote de la calma"),
            ("slow-motion-game", "Slow motion game", "Juego a cámara lenta"),
            ("cloud-cushions", "Cloud cushions", "Cojines nube"),
            ("gratitude-stones", "Gratitude stones", "Piedras de gratitud"),
        ),
        objects=(
            ("a soft cushion", "un cojín blando"),
            ("a calm-down jar", "un bote de la calma"),
            ("a balloon", "un globo"),
            ("a hand mirror", "un espejo de mano"),
            ("a woollen blanket", "una manta de lana"),
            ("a single feather", "una pluma"),
            ("a small bell", "una campanita"),
            ("feelings cards", "tarjetas de emociones"),
            ("a soft toy", "un muñeco blando"),
            ("fairy lights", "luces de colores"),
            ("a sand timer", "un reloj de arena"),
            ("a basket of smooth stones", "una cesta de piedras lisas"),
        ),
        verbs=(
            ("hold", "sostener"), ("watch", "mirar"), ("stroke", "acariciar"),
            ("blow on", "soplar"), ("hug", "abrazar"), ("pass", "pasar"),
        ),
        words=(
            ("calm", "calma"), ("breath", "respiración"), ("slowly", "despacio"),
            ("quiet", "silencio"), ("gentle", "suave"), ("safe", "seguro"),
            ("tired", "cansado"), ("happy", "contento"), ("angry", "enfadado"),
            ("sad", "triste"),
        ),
    ),
)

QUALIFIERS: tuple[Pair, ...] = (
    ("by the window", "junto a la ventana"),
    ("in the garden", "en el jardín"),
    ("with friends", "con amistades"),
    ("on a rainy day", "en un día de lluvia"),
    ("for little hands", "para manos pequeñas"),
    ("at home", "en casa"),
    ("in the classroom", "en el aula"),
    ("in pairs", "en parejas"),
    ("with music", "con música"),
    ("in silence", "en silencio"),
    ("for the morning", "para la mañana"),
    ("after the nap", "después de la siesta"),
    ("on the floor", "en el suelo"),
    ("in the shade", "a la sombra"),
    ("for two", "para dos"),
    ("in a circle", "en círculo"),
    ("for babies", "para bebés"),
    ("for toddlers", "para los más pequeños"),
    ("for big kids", "para los mayores"),
    ("in the park", "en el parque"),
    ("under the table", "debajo de la mesa"),
    ("with grandparents", "con los abuelos"),
    ("in five minutes", "en cinco minutos"),
    ("on the balcony", "en el balcón"),
    ("at the beach", "en la playa"),
    ("in winter", "en invierno"),
    ("in spring", "en primavera"),
    ("in summer", "en verano"),
    ("in autumn", "en otoño"),
    ("with eyes closed", "con los ojos cerrados"),
    ("with recycled boxes", "con cajas recicladas"),
    ("by torchlight", "a la luz de una linterna"),
    ("with a big group", "con un grupo grande"),
    ("one to one", "de tú a tú"),
    ("for a calm afternoon", "para una tarde tranquila"),
)
VARIATION_SUFFIX: Pair = (" (variation {k})", " (variante {k})")

# Generic slot values shared by every theme.
PLACES: tuple[Pair, ...] = (
    ("on a low table", "sobre una mesa baja"),
    ("on the floor", "en el suelo"),
    ("in the garden", "en el jardín"),
    ("near a window", "cerca de una ventana"),
    ("on a blanket", "sobre una manta"),
    ("in the courtyard", "en el patio"),
    ("in the park", "en el parque"),
    ("on the balcony", "en el balcón"),
    ("in a quiet corner", "en un rincón tranquilo"),
    ("in the kitchen", "en la cocina"),
    ("under a tree", "debajo de un árbol"),
    ("on a rug", "sobre una alfombra"),
    ("in the hallway", "en el pasillo"),
    ("at the beach", "en la playa"),
)
TIMES: tuple[Pair, ...] = (
    ("after lunch", "después de comer"),
    ("before the nap", "antes de la siesta"),
    ("in the morning", "por la mañana"),
    ("at the end of the day", "al final del día"),
    ("on a rainy afternoon", "en una tarde de lluvia"),
    ("after outdoor play", "después del recreo"),
    ("at the weekend", "el fin de semana"),
    ("first thing on Monday", "el lunes a primera hora"),
    ("during welcome time", "durante la acogida"),
    ("before going home", "antes de volver a casa"),
)
SKILLS: tuple[Pair, ...] = (
    ("hand-eye coordination", "la coordinación ojo-mano"),
    ("fine motor control", "la motricidad fina"),
    ("balance", "el equilibrio"),
    ("vocabulary", "el vocabulario"),
    ("patience", "la paciencia"),
    ("turn-taking", "el respeto de los turnos"),
    ("attention to detail", "la atención al detalle"),
    ("cause and effect", "la relación causa-efecto"),
    ("self-regulation", "la autorregulación"),
    ("curiosity", "la curiosidad"),
    ("empathy", "la empatía"),
    ("spatial awareness", "la orientación espacial"),
    ("a sense of rhythm", "el sentido del ritmo"),
    ("memory", "la memoria"),
    ("problem solving", "la resolución de problemas"),
    ("cooperation", "la cooperación"),
    ("early counting", "el conteo"),
    ("careful listening", "la escucha atenta"),
    ("body awareness", "la conciencia corporal"),
    ("creativity", "la creatividad"),
)
FEELINGS: tuple[Pair, ...] = (
    ("frustration", "frustración"),
    ("surprise", "sorpresa"),
    ("joy", "alegría"),
    ("pride", "orgullo"),
    ("impatience", "impaciencia"),
    ("calm", "calma"),
    ("excitement", "emoción"),
    ("wonder", "asombro"),
    ("deep concentration", "concentración profunda"),
    ("shyness", "timidez"),
)
BODY: tuple[Pair, ...] = (
    ("hands", "las manos"),
    ("feet", "los pies"),
    ("fingers", "los dedos"),
    ("fingertips", "las yemas de los dedos"),
    ("elbows", "los codos"),
    ("whole body", "todo el cuerpo"),
    ("toes", "los dedos de los pies"),
    ("palms", "las palmas"),
)

# Sentence templates, each a pair with the same {slots} in both languages. Slots:
# obj/obj2 (the activity's materials), verb, place, time, skill/skill2, feeling, body,
# name/name2, theme, w1/w2/w3 (the theme's words) and duration.
INTRO: tuple[Pair, ...] = (
    (
        "This activity invites children to {verb} {obj} {place} and notice what happens.",
        "Esta actividad invita a niñas y niños a {verb} {obj} {place} y a observar qué ocurre.",
    ),
    (
        "It works well {time}, when the group needs something concrete to do with "
        "their {body}.",
        "Funciona bien {time}, cuando el grupo necesita algo concreto que hacer con {body}.",
    ),
    (
        "All you need is {obj}, {obj2} and a little patience.",
        "Solo hace falta {obj}, {obj2} y un poco de paciencia.",
    ),
    (
        "The idea is simple: {verb} {obj} while an adult describes out loud what the "
        "children are doing.",
        "La idea es sencilla: se trata de {verb} {obj} mientras una persona adulta describe "
        "en voz alta lo que ve.",
    ),
    (
        "Many families already have {obj} at home, so it is easy to repeat the next day.",
        "Muchas familias ya tienen {obj} en casa, así que es fácil repetirla al día siguiente.",
    ),
    (
        "It is a small moment of {theme} that can last as long as the children stay "
        "interested.",
        "Es un pequeño momento de {theme} que puede durar tanto como dure el interés.",
    ),
    (
        "Children practise {skill} without noticing, because they are busy having fun.",
        "Se practica {skill} casi sin darse cuenta, porque la atención está puesta en jugar.",
    ),
    (
        "Set aside about {duration} minutes and a space where a little mess is welcome.",
        "Reserva unos {duration} minutos y un espacio donde un poco de desorden no sea "
        "un problema.",
    ),
    (
        "We first tried it with {name}, who wanted to {verb} {obj} for the whole morning.",
        "La primera vez lo probamos con {name}, que quiso {verb} {obj} toda la mañana.",
    ),
)
PREPARE: tuple[Pair, ...] = (
    ("Choose a spot {place} with room to move.",
     "Elige un sitio {place} con espacio para moverse."),
    ("Get {obj} ready before calling the children.",
     "Prepara {obj} antes de llamar al grupo."),
    ("Keep a cloth and a bowl of water nearby for cleaning up.",
     "Ten a mano un trapo y un cuenco con agua para limpiar."),
    ("Tell families the day before so that they can bring {obj2}.",
     "Avisa a las familias el día anterior para que puedan traer {obj2}."),
    ("Plan about {duration} minutes, without rushing.",
     "Calcula unos {duration} minutos, sin prisas."),
    ("Think of one question to ask at the end.",
     "Piensa una pregunta para hacer al final."),
    ("Put away anything that could distract the group.",
     "Guarda lo que pueda distraer al grupo."),
    ("Try it yourself first: {verb} {obj} and see what happens.",
     "Pruébalo antes: intenta {verb} {obj} y mira qué pasa."),
)
# In the order they happen: an activity uses a sorted sample of them.
STEPS: tuple[Pair, ...] = (
    (
        "Sit at the children's height and keep {obj} between you.",
        "Siéntate a la altura de las niñas y los niños y deja {obj} entre vosotros.",
    ),
    ("Place {obj} {place} within easy reach.", "Coloca {obj} {place}, al alcance de la mano."),
    (
        "Show how to {verb} {obj}, slowly and without words.",
        "Muestra cómo {verb} {obj}, despacio y sin palabras.",
    ),
    (
        "Invite each child to {verb} {obj} in their own way.",
        "Invita a cada criatura a {verb} {obj} a su manera.",
    ),
    (
        "Describe out loud what {name} is doing, without correcting.",
        "Describe en voz alta lo que hace {name}, sin corregir.",
    ),
    (
        "Name what you see: colours, sounds, shapes and textures.",
        "Nombra lo que ves: colores, sonidos, formas y texturas.",
    ),
    (
        "Try a few rounds using only their {body}.",
        "Probad unas rondas usando solo {body}.",
    ),
    (
        "Count together how many times you can {verb} {obj}.",
        "Contad juntos cuántas veces podéis {verb} {obj}.",
    ),
    (
        "Take turns so that everyone can {verb} {obj} at least once.",
        "Haced turnos para que todo el mundo pueda {verb} {obj} al menos una vez.",
    ),
    (
        "Add {obj2} once the first idea feels familiar.",
        "Añade {obj2} cuando la primera idea ya resulte familiar.",
    ),
    (
        "Pause and ask what might happen if you {verb} {obj2} instead.",
        "Haz una pausa y pregunta qué pasaría al {verb} {obj2}.",
    ),
    (
        "Let the children lead for a while and follow their ideas.",
        "Deja que las niñas y los niños guíen el juego un rato y sigue sus ideas.",
    ),
    (
        "Finish with a quiet moment and a deep breath.",
        "Terminad con un momento tranquilo y una respiración profunda.",
    ),
    ("Tidy up together and put {obj} away.", "Recoged juntos y guardad {obj}."),
    (
        "Repeat the game {time}, changing one small detail.",
        "Repite el juego {time}, cambiando un pequeño detalle.",
    ),
)
TIP_TITLES: tuple[Pair, ...] = (
    ("Keep it simple", "Mantenlo sencillo"),
    ("Less is more", "Menos es más"),
    ("Safety first", "La seguridad primero"),
    ("Before you start", "Antes de empezar"),
    ("Follow their lead", "Sigue su ritmo"),
    ("Make it accessible", "Hazlo accesible"),
    ("For the adult", "Para la persona adulta"),
)
TIPS: tuple[Pair, ...] = (
    (
        "Prepare everything before inviting the children, so that you can give them your "
        "full attention.",
        "Prepáralo todo antes de invitar a niñas y niños, así podrás prestarles toda tu "
        "atención.",
    ),
    (
        "Check {obj} for small parts and sharp edges before you begin.",
        "Revisa {obj} por si hay piezas pequeñas o bordes cortantes antes de empezar.",
    ),
    (
        "Offer fewer materials than you think you need; too much choice can be overwhelming.",
        "Ofrece menos materiales de los que crees necesarios; elegir entre demasiadas cosas "
        "puede abrumar.",
    ),
    (
        "Stay close, but resist the urge to fix things.",
        "Quédate cerca, pero resiste la tentación de arreglar las cosas.",
    ),
    (
        "A child who uses a wheelchair can do this at table height with {obj} in a tray.",
        "Una criatura que usa silla de ruedas puede hacerlo a la altura de la mesa con {obj} "
        "en una bandeja.",
    ),
    (
        "Keep a towel nearby; it saves a lot of worry.",
        "Ten una toalla cerca; ahorra muchas preocupaciones.",
    ),
    (
        "Describe instead of praising: \"you did it all by yourself\" says more than "
        "\"well done\".",
        "Describe en lugar de elogiar: «lo has hecho tú sola» o «tú solo» dice más que "
        "«muy bien».",
    ),
)
WHY: tuple[Pair, ...] = (
    (
        "When children {verb} {obj}, they are practising {skill} and {skill2} at the "
        "same time.",
        "Al {verb} {obj}, niñas y niños practican a la vez {skill} y {skill2}.",
    ),
    (
        "Repetition is not boredom at this age: each new attempt refines {skill}.",
        "A esta edad, repetir no es aburrirse: cada intento nuevo afina {skill}.",
    ),
    (
        "Research on early childhood keeps pointing to play as the main way young children "
        "learn about the world.",
        "La investigación sobre la primera infancia señala una y otra vez el juego como la "
        "principal forma de aprender sobre el mundo.",
    ),
    (
        "Talking about what happens builds vocabulary: words like \"{w1}\", \"{w2}\" and "
        "\"{w3}\" appear naturally.",
        "Hablar de lo que pasa amplía el vocabulario: palabras como «{w1}», «{w2}» y «{w3}» "
        "aparecen de forma natural.",
    ),
    (
        "Sharing one object such as {obj} gives the group a reason to talk, wait and help "
        "each other.",
        "Compartir un objeto como {obj} da al grupo motivos para hablar, esperar y ayudarse.",
    ),
    (
        "Moments of {feeling} are part of the process; naming them helps children "
        "recognise them next time.",
        "Los momentos de {feeling} forman parte del proceso; ponerles nombre ayuda a "
        "reconocerlos la próxima vez.",
    ),
    (
        "Small changes, such as playing {place}, turn a familiar game into a new challenge.",
        "Pequeños cambios, como jugar {place}, convierten un juego conocido en un reto nuevo.",
    ),
    (
        "Adults do not need to teach anything here; their role is to prepare the space and "
        "notice.",
        "Aquí la persona adulta no necesita enseñar nada; su papel es preparar el espacio y "
        "observar.",
    ),
    (
        "For younger children the activity is mostly about {skill}; older ones start to "
        "plan and predict.",
        "Para los más pequeños la actividad trata sobre todo de {skill}; los mayores "
        "empiezan a planificar y anticipar.",
    ),
    (
        "Because it uses {obj}, it connects the classroom with everyday life at home.",
        "Como utiliza {obj}, conecta el aula con la vida cotidiana en casa.",
    ),
    (
        "Working with their {body} gives children direct feedback about force, weight and "
        "speed.",
        "Trabajar con {body} da información directa sobre la fuerza, el peso y la velocidad.",
    ),
    (
        "Over several sessions you will see {skill} improving in small, visible steps.",
        "A lo largo de varias sesiones verás cómo mejora {skill} en pasos pequeños y "
        "visibles.",
    ),
    (
        "Children discover that actions have consequences when they {verb} {obj} and see "
        "the result straight away.",
        "Al {verb} {obj} y ver el resultado al momento, se descubre que las acciones tienen "
        "consecuencias.",
    ),
    (
        "This kind of play supports {skill}, which later helps with everyday tasks such as "
        "dressing or eating.",
        "Este tipo de juego favorece {skill}, que más adelante ayuda en tareas cotidianas "
        "como vestirse o comer.",
    ),
)
OBSERVE: tuple[Pair, ...] = (
    (
        "Notice how long {name} stays with the activity before moving on.",
        "Fíjate en cuánto tiempo permanece {name} en la actividad antes de pasar a otra cosa.",
    ),
    (
        "Watch whether children use one hand or both when they {verb} {obj}.",
        "Observa si usan una mano o las dos al {verb} {obj}.",
    ),
    (
        "Some children prefer to watch first; that is also a way of taking part.",
        "Hay quien prefiere mirar primero; también es una forma de participar.",
    ),
    (
        "Write down the words the children use to describe {obj}.",
        "Anota las palabras que usan para describir {obj}.",
    ),
    (
        "When {name} tried this for the first time, the most exciting part was simply to "
        "{verb} {obj} again and again.",
        "Cuando {name} lo probó por primera vez, lo más emocionante fue simplemente {verb} "
        "{obj} una y otra vez.",
    ),
    (
        "Look for signs of {feeling} and give the child time before stepping in.",
        "Busca señales de {feeling} y da tiempo antes de intervenir.",
    ),
    (
        "In one group, {name} and {name2} invented their own rules after ten minutes, which "
        "is a good sign.",
        "En un grupo, {name} y {name2} inventaron sus propias reglas a los diez minutos, y "
        "eso es buena señal.",
    ),
    (
        "If attention drops, change the place and try playing {place}.",
        "Si la atención decae, cambiad de lugar y probad a jugar {place}.",
    ),
    (
        "Pay attention to how children share {obj} and who asks for help.",
        "Presta atención a cómo comparten {obj} y a quién pide ayuda.",
    ),
    (
        "Older children can explain what they did; younger ones will show you with their "
        "{body}.",
        "Los mayores pueden explicar lo que hicieron; los pequeños te lo mostrarán con "
        "{body}.",
    ),
    (
        "Record one small change you saw compared with last week.",
        "Anota un pequeño cambio que hayas visto respecto a la semana pasada.",
    ),
    (
        "Notice moments of {feeling} and how the children handle them.",
        "Observa los momentos de {feeling} y cómo los gestionan.",
    ),
)
ADAPT: tuple[Pair, ...] = (
    (
        "For babies, offer {obj} on a blanket and let them explore at their own pace.",
        "Para bebés, ofrece {obj} sobre una manta y deja que exploren a su ritmo.",
    ),
    (
        "Toddlers may want to {verb} {obj} again and again; let them.",
        "Es posible que los más pequeños quieran {verb} {obj} una y otra vez; déjales.",
    ),
    (
        "Children with low vision can follow the activity by touch and sound if you "
        "describe each step.",
        "Las niñas y los niños con baja visión pueden seguir la actividad por el tacto y el "
        "sonido si describes cada paso.",
    ),
    (
        "If a child avoids getting messy, offer gloves or a tool to {verb} {obj}.",
        "Si a alguien no le gusta mancharse, ofrece guantes o una herramienta para {verb} "
        "{obj}.",
    ),
    (
        "In a multilingual group, name each object in every home language you know.",
        "En un grupo multilingüe, nombra cada objeto en todas las lenguas familiares que "
        "conozcas.",
    ),
    (
        "Older children can write or draw a simple plan before they start.",
        "Los mayores pueden escribir o dibujar un plan sencillo antes de empezar.",
    ),
    (
        "For children who need more movement, place {obj} a few steps away so that they "
        "have to walk to it.",
        "Para quien necesita moverse más, coloca {obj} a unos pasos de distancia para que "
        "haya que desplazarse.",
    ),
    (
        "If the group is large, set up more than one station with {obj} so that nobody "
        "waits too long.",
        "Si el grupo es grande, prepara más de un puesto con {obj} para que nadie espere "
        "demasiado.",
    ),
    (
        "Children who communicate with signs or pictures can choose the next step with "
        "picture cards.",
        "Quien se comunica con signos o pictogramas puede elegir el siguiente paso con "
        "tarjetas.",
    ),
    (
        "Reduce noise and visual clutter for children who are easily overwhelmed.",
        "Reduce el ruido y los estímulos visuales para quienes se saturan con facilidad.",
    ),
    (
        "Keep the first session short and stop before interest fades; {time} is a good "
        "moment to try again.",
        "Haz una primera sesión corta y para antes de que decaiga el interés; {time} es un "
        "buen momento para volver a intentarlo.",
    ),
)
HOME: tuple[Pair, ...] = (
    (
        "At home, {obj} can be replaced by whatever is in the cupboard.",
        "En casa, {obj} se puede sustituir por lo que haya en el armario.",
    ),
    (
        "Families can try this {time}, when the house is calmer.",
        "Las familias pueden probarla {time}, cuando la casa está más tranquila.",
    ),
    (
        "Siblings of different ages can play together: the older one can show how to "
        "{verb} {obj}.",
        "Hermanas y hermanos de distintas edades pueden jugar juntos: quien es mayor puede "
        "enseñar cómo {verb} {obj}.",
    ),
    (
        "There is no need to buy anything; {obj} and {obj2} are enough.",
        "No hace falta comprar nada; basta con {obj} y {obj2}.",
    ),
    (
        "Talk about the activity at dinner and let the children tell it in their own words.",
        "Hablad de la actividad durante la cena y dejad que la cuenten con sus propias "
        "palabras.",
    ),
    (
        "Grandparents often remember similar games from their own childhood; ask them.",
        "Las abuelas y los abuelos suelen recordar juegos parecidos de su infancia; "
        "preguntadles.",
    ),
    (
        "A photo of {name} trying it can become the start of a family story.",
        "Una foto de {name} probándola puede ser el comienzo de un cuento familiar.",
    ),
    (
        "If space is tight, a bathtub or a balcony works just as well.",
        "Si hay poco espacio, una bañera o un balcón funcionan igual de bien.",
    ),
    (
        "Keep {obj} in a box so that the game is ready for another day.",
        "Guarda {obj} en una caja para que el juego esté listo otro día.",
    ),
    (
        "Let the children help to prepare and tidy; it is part of the fun.",
        "Deja que ayuden a preparar y recoger; también forma parte de la diversión.",
    ),
)
VARIATIONS: tuple[Pair, ...] = (
    ("Swap {obj} for {obj2} and compare the results.",
     "Cambia {obj} por {obj2} y comparad los resultados."),
    ("Play {place} to add new sounds and textures.",
     "Jugad {place} para añadir sonidos y texturas nuevas."),
    (
        "With older children, turn it into a challenge: how quickly can they {verb} {obj}?",
        "Con los mayores, convertidlo en un reto: ¿con qué rapidez pueden {verb} {obj}?",
    ),
    ("For babies, offer only {obj} and plenty of time.",
     "Para bebés, ofrece solo {obj} y mucho tiempo."),
    (
        "Add a song you already know and {verb} {obj} to the rhythm.",
        "Añadid una canción conocida y probad a {verb} {obj} al ritmo de la música.",
    ),
    (
        "Invite families to try it at home {time} and share a photo or a drawing.",
        "Invita a las familias a probarla en casa {time} y a compartir una foto o un dibujo.",
    ),
    (
        "Turn it into a story: {name} needs help to {verb} {obj} before dinner.",
        "Convertidlo en un cuento: {name} necesita ayuda para {verb} {obj} antes de la cena.",
    ),
)
LINK_SENTENCES: tuple[Pair, ...] = (
    ("If the group enjoys this, try [{title}]({href}) next.",
     "Si al grupo le gusta, probad después [{title}]({href})."),
    ("It pairs well with [{title}]({href}).", "Combina bien con [{title}]({href})."),
    ("For a different angle on the same skills, see [{title}]({href}).",
     "Para trabajar lo mismo desde otro ángulo, mira [{title}]({href})."),
)
REFLECT: tuple[Pair, ...] = (
    ("What did {name} discover that surprised you?", "¿Qué descubrió {name} que te sorprendiera?"),
    (
        "When did the children seem most focused, and why?",
        "¿En qué momento parecían más concentrados, y por qué?",
    ),
    (
        "What would you change next time to make it easier to join in?",
        "¿Qué cambiarías la próxima vez para que sea más fácil participar?",
    ),
    (
        "Which words did the children use to talk about {obj}?",
        "¿Qué palabras usaron para hablar de {obj}?",
    ),
    (
        "How did you feel while you watched them {verb} {obj}?",
        "¿Cómo te sentiste mientras les veías {verb} {obj}?",
    ),
    ("Where did you notice {skill} in action?", "¿Dónde notaste {skill} en acción?"),
)
NOTES: tuple[Pair, ...] = (
    (
        "Plan about {duration} minutes, plus time to set up and tidy.",
        "Calcula unos {duration} minutos, más el tiempo de preparar y recoger.",
    ),
    (
        "In groups larger than eight, split into two stations with {obj} in each.",
        "Con grupos de más de ocho, divide en dos estaciones con {obj} en cada una.",
    ),
    (
        "Ask families beforehand about allergies and sensory sensitivities.",
        "Pregunta antes a las familias por alergias y sensibilidades sensoriales.",
    ),
    (
        "Document with photos only if the families have given permission.",
        "Documenta con fotos solo si las familias han dado permiso.",
    ),
    (
        "Link this activity to the observation record for {skill}.",
        "Vincula esta actividad con el registro de observación de {skill}.",
    ),
    (
        "Check the space for trip hazards before the group arrives.",
        "Revisa el espacio por si hay riesgo de tropiezos antes de que llegue el grupo.",
    ),
)
SUMMARIES: tuple[Pair, ...] = (
    (
        "An activity about {theme} to {verb} {obj} {place} and practise {skill}.",
        "Una actividad de {theme} para {verb} {obj} {place} y practicar {skill}.",
    ),
    (
        "Children explore {obj} with their {body} and talk about what they notice.",
        "Exploración de {obj} con {body}, hablando de lo que se descubre.",
    ),
    (
        "A short, playful way to work on {skill} using {obj}.",
        "Una forma breve y lúdica de trabajar {skill} con {obj}.",
    ),
    (
        "Simple steps to {verb} {obj} together, indoors or outside.",
        "Pasos sencillos para {verb} {obj} en grupo, dentro o fuera.",
    ),
    (
        "A calm moment of {theme}: {verb} {obj}, wait, and start again.",
        "Un momento tranquilo de {theme}: {verb} {obj}, esperar y volver a empezar.",
    ),
)
BEFORE_PROMPTS: tuple[Pair, ...] = (
    ("What do you expect the children to do with {obj}?", "¿Qué esperas que hagan con {obj}?"),
    (
        "Is the space ready for a little mess?",
        "¿Está el espacio preparado para un poco de desorden?",
    ),
    ("Which child might need extra support today?", "¿Quién podría necesitar más apoyo hoy?"),
    (
        "How will you invite the group without giving instructions?",
        "¿Cómo vas a invitar al grupo sin dar instrucciones?",
    ),
)
AFTER_PROMPTS: tuple[Pair, ...] = (
    ("What was the most surprising moment?", "¿Cuál fue el momento más sorprendente?"),
    ("Which words or gestures did you notice?", "¿Qué palabras o gestos te llamaron la atención?"),
    ("What would you keep and what would you change?", "¿Qué mantendrías y qué cambiarías?"),
    ("How did the children use their {body}?", "¿Cómo usaron {body}?"),
)
# After-prompts that carry a note for the adult: exercises the {prompt, notes} form.
AFTER_PROMPTS_WITH_NOTES: tuple[tuple[Pair, Pair], ...] = (
    (
        (
            "Who did not join in, and why might that be?",
            "¿Quién no participó y por qué podría ser?",
        ),
        ("Avoid judging; write down only what you saw.", "Evita juzgar; anota solo lo que viste."),
    ),
    (
        ("Where did you see {skill}?", "¿Dónde viste {skill}?"),
        ("Useful for the termly observation record.", "Útil para el registro trimestral."),
    ),
)

HEADINGS: dict[str, tuple[Pair, ...]] = {
    # Not "Materials" or "Before you start": the activity card already renders headings
    # with those ids, and a second one would give the page duplicate anchors.
    "materials": (("What you need", "Qué necesitas"), ("You will need", "Vas a necesitar")),
    "prepare": (("Getting ready", "Preparación"), ("Preparing the space", "Preparar el espacio")),
    "steps": (("How to do it", "Cómo hacerlo"), ("Step by step", "Paso a paso"),
              ("Steps", "Pasos")),
    "why": (("Why it matters", "Por qué es importante"), ("What children learn", "Qué aprenden"),
            ("Behind the play", "Detrás del juego")),
    "observe": (("What to observe", "Qué observar"),
                ("Watching and listening", "Mirar y escuchar")),
    "adapt": (("Adapting it", "Adaptaciones"), ("For every child", "Para cada criatura")),
    "home": (("At home", "En casa"), ("With families", "Con las familias")),
    "variations": (("Variations", "Variaciones"), ("Going further", "Para ir más allá"),
                   ("Try it another way", "Pruébalo de otra manera")),
}
IMAGE_ALT: Pair = ("Illustration for {title}", "Ilustración de {title}")
SVG_PALETTE = (
    "#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#8ab17d", "#6d597a",
    "#b56576", "#457b9d", "#a8dadc", "#ffb703", "#219ebc",
)
# fmt: on

# Pages besides the activities, per language. Like the sample content they carry only a
# `title` in their front matter; guide.md exists because the project's mkdocs.yml lists it
# in `nav`, so a generated folder can stand in for content/ without warnings.
PAGES: dict[str, dict[str, str]] = {
    "index": {
        "en": (
            "---\ntitle: Welcome to Mochila\n---\n\n"
            "Playful, low-cost activities for families, educators and facilitators who share "
            "time with young children. Each activity lists what you need, the steps, and a few "
            "questions to think about afterwards.\n\n"
            "Filter the catalogue by age, area, duration or tag. If you accompany groups of "
            "families, start with the [guide for facilitators](guide.md), or read [about this "
            "collection](about.md).\n\n"
            f"{CATALOGUE_MARKER}\n"
        ),
        "es": (
            "---\ntitle: Bienvenidos a Mochila\n---\n\n"
            "Actividades lúdicas y de bajo coste para familias, educadoras, educadores y "
            "personas facilitadoras que comparten tiempo con la primera infancia. Cada actividad "
            "indica qué se necesita, los pasos y algunas preguntas para pensar después.\n\n"
            "Filtra el catálogo por edad, área, duración o etiqueta. Si acompañas a grupos de "
            "familias, empieza por la [guía para facilitadoras y facilitadores](guide.md), o lee "
            "[sobre esta colección](about.md).\n\n"
            f"{CATALOGUE_MARKER}\n"
        ),
    },
    "about": {
        "en": (
            "---\ntitle: About this collection\n---\n\n"
            "This is a synthetic collection written by `scripts/gen_corpus.py` "
            "({n} activities, seed {seed}) to test Mochila at scale. The activities read like "
            "real ones but were assembled from templates: do not use them with children "
            "without reviewing them first.\n\n"
            "## Licence\n\n"
            "Unless an activity says otherwise, its text is shared under CC BY-SA 4.0.\n"
        ),
        "es": (
            "---\ntitle: Sobre esta colección\n---\n\n"
            "Esta es una colección sintética escrita por `scripts/gen_corpus.py` "
            "({n} actividades, semilla {seed}) para probar Mochila a gran escala. Las "
            "actividades parecen reales pero se han montado a partir de plantillas: no las uses "
            "con niñas y niños sin revisarlas antes.\n\n"
            "## Licencia\n\n"
            "Salvo que una actividad diga otra cosa, su texto se comparte bajo CC BY-SA 4.0.\n"
        ),
    },
    "guide": {
        "en": (
            "---\ntitle: How to use these activities\n---\n\n"
            "The activities are invitations, not recipes: adapt them to your children, your "
            "community and what you have at hand.\n\n"
            "## Preparing\n\n"
            "- Read the whole activity first, including the reflection questions.\n"
            "- Choose by the child, not only by the age.\n"
            "- Try it yourself before the children do.\n\n"
            "## Reflecting\n\n"
            "Each activity has questions for before and after. They are not a test: they help "
            "you look at your own practice.\n"
        ),
        "es": (
            "---\ntitle: Cómo usar estas actividades\n---\n\n"
            "Las actividades son invitaciones, no recetas: adáptalas a tus niñas y niños, a tu "
            "comunidad y a lo que tengas a mano.\n\n"
            "## Preparar\n\n"
            "- Lee la actividad entera, también las preguntas de reflexión.\n"
            "- Elige pensando en cada criatura, no solo en la edad.\n"
            "- Pruébala tú antes que las niñas y los niños.\n\n"
            "## Reflexionar\n\n"
            "Cada actividad tiene preguntas para antes y después. No son un examen: te ayudan a "
            "mirar tu propia práctica.\n"
        ),
    },
}

# Strings matching this can be written as plain YAML scalars; anything else is quoted.
_PLAIN_RE = re.compile(r"[^\W\d_][^:#\[\]{}&*!|>'\"%@`\n\\]*(?<! )")
_YAML_RESERVED = frozenset(("y", "n", "yes", "no", "true", "false", "on", "off", "null"))
_SPANISH_CONTRACTIONS = re.compile(r"\b([Aa]|[Dd]e) el\b")
_CONTRACTIONS = {"a": "al", "A": "Al", "de": "del", "De": "Del"}
_FORMATTER = string.Formatter()

# Slots filled straight from a shared table; the others depend on the activity.
_TABLE_SLOTS: dict[str, tuple[Pair, ...]] = {
    "place": PLACES,
    "time": TIMES,
    "skill": SKILLS,
    "feeling": FEELINGS,
    "body": BODY,
}

BODY_MIN_WORDS = 400
BODY_MAX_WORDS = 900


@dataclass
class Activity:
    """The plan for one activity, decided before any text is written.

    Why: links and ``related`` need every slug, title and status up front, so the corpus
    is planned in one pass and rendered in a second.
    """

    index: int
    group: Group
    slug: str
    titles: Pair
    status: str = "published"
    visibility: str = "public"
    has_image: bool = False
    has_notes: bool = False
    has_link: bool = False
    files: dict[str, str] = field(default_factory=dict)  # lang -> path relative to out_dir


def _cap(text: str) -> str:
    """Upper-case the first letter, skipping Spanish opening marks such as ``¿``."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def _scalar(value: str) -> str:
    """Render a string as YAML: plain when unambiguous, else as a JSON (= YAML) string.

    Why: readable front matter for the common case, guaranteed-correct quoting for
    titles with colons, quotes or a leading ``¿``.
    """
    if _PLAIN_RE.fullmatch(value) and value.lower() not in _YAML_RESERVED:
        return value
    return json.dumps(value, ensure_ascii=False)


def _contract(match: re.Match[str]) -> str:
    """Spanish "a el" / "de el" -> "al" / "del", which templates produce with "el" nouns."""
    return _CONTRACTIONS[match.group(1)]


def _word_count(text: str) -> int:
    return len(text.split())


class _Writer:
    """Fills templates for one activity in every language at once.

    Why: choosing slot values once and rendering them in each language keeps the
    translations faithful to each other while the RNG sequence stays language-independent.
    """

    def __init__(
        self,
        rng: random.Random,
        group: Group,
        materials: Sequence[Pair],
        duration: int,
        lang_ids: Sequence[int],
    ) -> None:
        self.rng = rng
        self.group = group
        self.materials = materials
        self.duration = str(duration)
        self.lang_ids = lang_ids
        self._orders: dict[int, list[int]] = {}

    def _distinct(self, pool: Sequence[Pair], taken: Pair | None) -> Pair:
        choice = self.rng.choice(pool)
        if choice == taken and len(pool) > 1:
            choice = pool[(pool.index(choice) + 1) % len(pool)]
        return choice

    def _slot(self, name: str, values: dict[str, Pair]) -> Pair:
        rng, group = self.rng, self.group
        table = _TABLE_SLOTS.get(name)
        if table is not None:
            return rng.choice(table)
        if name == "obj":
            return rng.choice(self.materials)
        if name == "verb":
            return rng.choice(group.verbs)
        if name == "theme":
            return group.theme
        if name == "duration":
            return (self.duration, self.duration)
        if name == "obj2":
            return self._distinct(self.materials, values.get("obj"))
        if name == "skill2":
            return self._distinct(SKILLS, values.get("skill"))
        if name in ("name", "name2"):
            other = values.get("name" if name == "name2" else "name2")
            picked = self._distinct(CHILD_NAMES, other[0] if other else None)
            return (picked, picked)
        if name in ("w1", "w2", "w3"):
            if "w1" not in values:
                w1, w2, w3 = rng.sample(group.words, 3)
                values.update(w1=w1, w2=w2, w3=w3)
            return values[name]
        raise KeyError(f"unknown template slot {{{name}}}")

    def fill(self, template: Pair) -> Pair:
        """Render one template pair with freshly chosen slot values."""
        values: dict[str, Pair] = {}
        for name in _template_fields(template):
            if name not in values:
                values[name] = self._slot(name, values)
        out = []
        for i, text in enumerate(template):
            if i not in self.lang_ids:
                out.append("")
                continue
            rendered = text.format_map({k: v[i] for k, v in values.items()})
            if SUPPORTED_LANGUAGES[i] == "es":
                rendered = _SPANISH_CONTRACTIONS.sub(_contract, rendered)
            out.append(_cap(rendered))
        return (out[0], out[1])

    def pick(self, pool: Sequence[Pair]) -> Pair:
        """Take the next template from a per-pool shuffled order.

        Why: cycling through a shuffle avoids repeating a sentence within one activity
        until the pool is exhausted.
        """
        key = id(pool)
        order = self._orders.get(key)
        if not order:
            order = self.rng.sample(range(len(pool)), len(pool))
            self._orders[key] = order
        return pool[order.pop()]

    def sentence(self, pool: Sequence[Pair]) -> Pair:
        return self.fill(self.pick(pool))


_FIELDS_CACHE: dict[Pair, tuple[str, ...]] = {}


def _template_fields(template: Pair) -> tuple[str, ...]:
    """Slot names of a template pair, in first-use order, cached."""
    cached = _FIELDS_CACHE.get(template)
    if cached is None:
        names: list[str] = []
        for text in template:
            for _, name, _, _ in _FORMATTER.parse(text):
                if name and name not in names:
                    names.append(name)
        cached = _FIELDS_CACHE[template] = tuple(names)
    return cached


def template_pools() -> dict[str, tuple[Pair, ...]]:
    """All sentence pools, for tests that check both languages use the same slots."""
    return {
        "intro": INTRO,
        "prepare": PREPARE,
        "steps": STEPS,
        "tips": TIPS,
        "why": WHY,
        "observe": OBSERVE,
        "adapt": ADAPT,
        "home": HOME,
        "variations": VARIATIONS,
        "links": LINK_SENTENCES,
        "reflect": REFLECT,
        "notes": NOTES,
        "summaries": SUMMARIES,
        "before": BEFORE_PROMPTS,
        "after": AFTER_PROMPTS,
        "after_with_notes": tuple(pair for item in AFTER_PROMPTS_WITH_NOTES for pair in item),
    }


def _plan(rng: random.Random, n: int, images_ratio: float) -> list[Activity]:
    """Decide slug, group, titles and flags of every activity."""
    activities: list[Activity] = []
    used_titles: tuple[set[str], set[str]] = (set(), set())
    # Every (theme, base phrase, qualifier or none) once, in a seeded order: titles only
    # need a "(variation k)" suffix once all combinations are used (about 2,900).
    combos = [
        (group, base_index, qual_index)
        for group in GROUPS
        for base_index in range(len(group.bases))
        for qual_index in range(-1, len(QUALIFIERS))
    ]
    rng.shuffle(combos)
    for i in range(n):
        group, base_index, qual_index = combos[i % len(combos)]
        k = i // len(combos) + 1
        base_slug, base_en, base_es = group.bases[base_index]
        titles = []
        for lang_i, base in enumerate((base_en, base_es)):
            title = base if qual_index < 0 else f"{base} {QUALIFIERS[qual_index][lang_i]}"
            if k > 1:
                title += VARIATION_SUFFIX[lang_i].format(k=k)
            # Belt and braces: the tables are injective, but never emit a duplicate title.
            candidate, extra = title, k
            while candidate in used_titles[lang_i]:
                extra += 1
                candidate = title + VARIATION_SUFFIX[lang_i].format(k=extra)
            used_titles[lang_i].add(candidate)
            titles.append(candidate)
        activities.append(
            Activity(
                index=i,
                group=group,
                slug=f"{base_slug}-{i + 1}",
                titles=(titles[0], titles[1]),
                has_notes=rng.random() < 0.2,
            )
        )

    # Exact counts rather than per-activity coin flips, so small corpora still contain
    # at least one restricted and one draft activity (and image counts are predictable).
    special = max(1, round(n * 0.02)) if n >= 10 else 0
    picked = rng.sample(range(n), 2 * special)
    for i in sorted(picked[:special]):
        activities[i].visibility = "restricted"
    for i in sorted(picked[special:]):
        activities[i].status = "draft"
    n_images = min(n, max(0, round(n * images_ratio)))
    for i in sorted(rng.sample(range(n), n_images)):
        activities[i].has_image = True
    return activities


def _file_name(slug: str, lang: str, default_lang: str) -> str:
    return f"{slug}.md" if lang == default_lang else f"{slug}.{lang}.md"


def _svg(rng: random.Random, slug: str) -> str:
    """A tiny, self-contained SVG; the slug in <title> makes every file distinct."""
    bg, a, b = rng.sample(SVG_PALETTE, 3)
    cx, cy, r = rng.randint(25, 55), rng.randint(25, 55), rng.randint(10, 22)
    x, y, w, h = rng.randint(60, 80), rng.randint(10, 35), rng.randint(20, 35), rng.randint(20, 40)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" '
        f'viewBox="0 0 120 80" role="img"><title>{slug}</title>'
        f'<rect width="120" height="80" fill="{bg}"/>'
        f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{a}"/>'
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4" fill="{b}"/>'
        "</svg>\n"
    )


def _age(rng: random.Random) -> tuple[int, int]:
    if rng.random() < 0.06:  # a few for school-age children and teenagers
        low = rng.choice((72, 96, 120, 144))
        return low, min(216, low + rng.choice((24, 36, 48, 72)))
    low = rng.choice((0, 0, 6, 12, 12, 18, 24, 24, 36, 48))
    return low, min(72, low + rng.choice((6, 12, 12, 18, 24, 36)))


def _duration(rng: random.Random) -> int:
    if rng.random() < 0.08:
        return rng.choice((5, 75, 90, 120, 180))
    return rng.choice((10, 15, 15, 20, 20, 25, 30, 30, 40, 45, 60))


def _subset(
    rng: random.Random, primary: Sequence[str], universe: Sequence[str], extra_chance: float
) -> list[str]:
    """A non-empty subset of ``primary`` plus maybe one extra id, in vocabulary order."""
    chosen = set(rng.sample(primary, rng.randint(1, len(primary))))
    if rng.random() < extra_chance:
        chosen.add(rng.choice(universe))
    return [item for item in universe if item in chosen]


def _audience(rng: random.Random) -> list[str]:
    odds = {"families": 0.6, "educators": 0.7, "facilitators": 0.35}
    chosen = [a for a in AUDIENCE_IDS if rng.random() < odds[a]]
    return chosen or ["educators"]


def _front_matter(meta: dict[str, object]) -> str:
    """Render front matter in a fixed key order (see FRONT_MATTER_KEYS)."""
    lines = ["---"]
    for key in FRONT_MATTER_KEYS:
        if key not in meta:
            continue
        value = meta[key]
        if key in ("audience", "areas", "tags", "related"):
            lines.append(f"{key}: [{', '.join(value)}]")
        elif key == "age":
            low, high = value
            lines.append(f"age: {{min: {low}, max: {high}}}")
        elif key in ("materials", "authors"):
            lines.append(f"{key}:")
            lines.extend(f"  - {_scalar(item)}" for item in value)
        elif key == "reflection":
            lines.append("reflection:")
            for moment, items in value.items():
                lines.append(f"  {moment}:")
                for item in items:
                    if isinstance(item, tuple):
                        lines.append(f"    - prompt: {_scalar(item[0])}")
                        lines.append(f"      notes: {_scalar(item[1])}")
                    else:
                        lines.append(f"    - {_scalar(item)}")
        elif key == "updated":
            lines.append(f"updated: {value}")  # an unquoted ISO date, as authors write it
        elif isinstance(value, str):
            lines.append(f"{key}: {_scalar(value)}")
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _render(
    act: Activity,
    rng: random.Random,
    activities: Sequence[Activity],
    eligible: Sequence[int],
    langs: Sequence[str],
) -> dict[str, str]:
    """Write the front matter and body of one activity in every language."""
    lang_ids = [LANG_INDEX[lang] for lang in langs]
    group = act.group
    materials = rng.sample(group.objects, rng.randint(3, 6))
    duration = _duration(rng)
    w = _Writer(rng, group, materials, duration, lang_ids)

    # --- shared front matter -----------------------------------------------------------
    shared: dict[str, object] = {
        "audience": _audience(rng),
        "areas": _subset(rng, group.areas, AREA_IDS, 0.15),
    }
    if rng.random() < 0.92:
        shared["tags"] = _subset(rng, group.tags, TAG_IDS, 0.3)
    shared["age"] = _age(rng)
    shared["duration"] = duration
    include_materials = rng.random() < 0.85
    reflection: dict[str, list[Pair | tuple[Pair, Pair]]] | None = None
    if rng.random() < 0.8:
        before = [w.fill(p) for p in rng.sample(BEFORE_PROMPTS, rng.randint(1, 2))]
        after: list[Pair | tuple[Pair, Pair]] = [
            w.fill(p) for p in rng.sample(AFTER_PROMPTS, rng.randint(1, 2))
        ]
        if rng.random() < 0.4:
            prompt, note = rng.choice(AFTER_PROMPTS_WITH_NOTES)
            after.append((w.fill(prompt), w.fill(note)))
        reflection = {"before": before, "after": after}
    others = [j for j in rng.sample(eligible, min(len(eligible), 4)) if j != act.index]
    if others and rng.random() < 0.6:
        shared["related"] = [activities[j].slug for j in others[: rng.randint(1, 3)]]
    shared["status"] = act.status
    shared["visibility"] = act.visibility
    if rng.random() < 0.75:
        shared["license"] = rng.choice(LICENSES)
    if rng.random() < 0.65:
        shared["authors"] = sorted(rng.sample(AUTHORS, rng.randint(1, 2)))
    shared["updated"] = (UPDATED_ANCHOR - timedelta(days=rng.randint(0, 800))).isoformat()

    summary = w.sentence(SUMMARIES)

    # --- body blocks: each is a Pair of already-rendered markdown -------------------------
    def heading(kind: str) -> Pair:
        h = rng.choice(HEADINGS[kind])
        return (f"## {h[0]}", f"## {h[1]}")

    def paragraph(sentences: Sequence[Pair]) -> Pair:
        return (" ".join(s[0] for s in sentences), " ".join(s[1] for s in sentences))

    intro = paragraph([w.sentence(INTRO) for _ in range(rng.randint(2, 3))])
    prepare = [w.sentence(PREPARE) for _ in range(rng.randint(3, 5))]
    steps = [w.fill(STEPS[j]) for j in sorted(rng.sample(range(len(STEPS)), rng.randint(4, 7)))]
    tip_title = rng.choice(TIP_TITLES)
    tip = paragraph([w.sentence(TIPS) for _ in range(rng.randint(1, 2))])
    reflect = w.sentence(REFLECT)
    variations = [w.sentence(VARIATIONS) for _ in range(rng.randint(1, 2))]
    link: Pair | None = None
    targets = [j for j in rng.sample(eligible, min(len(eligible), 2)) if j != act.index]
    if targets:
        target = activities[targets[0]]
        template = rng.choice(LINK_SENTENCES)
        parts = []
        for lang in SUPPORTED_LANGUAGES:
            if lang not in act.files:
                parts.append("")
                continue
            here = posixpath.dirname(act.files[lang])
            href = posixpath.relpath(target.files[langs[0]], here)
            li = LANG_INDEX[lang]
            parts.append(template[li].format(title=target.titles[li], href=href))
        link = (parts[0], parts[1])
        act.has_link = True
    notes = (
        paragraph([w.sentence(NOTES) for _ in range(rng.randint(2, 3))]) if act.has_notes else None
    )

    headings = {kind: heading(kind) for kind in HEADINGS}
    sections: dict[str, list[list[Pair]]] = {
        "why": [[w.sentence(WHY), w.sentence(WHY)]],
        "observe": [[w.sentence(OBSERVE), w.sentence(OBSERVE)]],
        "adapt": [],
        "home": [],
    }
    pools = {"why": WHY, "observe": OBSERVE, "adapt": ADAPT, "home": HOME}

    def assemble() -> list[Pair]:
        blocks: list[Pair] = [intro]
        if act.has_image:
            alt = (
                IMAGE_ALT[0].format(title=act.titles[0]),
                IMAGE_ALT[1].format(title=act.titles[1]),
            )
            blocks.append(tuple(f"![{a}](images/{act.slug}.svg)" for a in alt))
        # The card built from front matter already lists the materials, so the body's
        # bullet list repeats them only when the front matter has none.
        if include_materials:
            blocks.append(headings["prepare"])
            items = prepare
        else:
            blocks.append(headings["materials"])
            items = materials
        blocks.append(tuple("\n".join(f"- {m[i]}" for m in items) for i in (0, 1)))
        blocks.append(headings["steps"])
        blocks.append(
            tuple("\n".join(f"{k}. {s[i]}" for k, s in enumerate(steps, 1)) for i in (0, 1))
        )
        blocks.append(tuple(f'!!! tip "{tip_title[i]}"\n    {tip[i]}' for i in (0, 1)))
        for kind in ("why", "observe"):
            blocks.append(headings[kind])
            blocks.extend(paragraph(p) for p in sections[kind])
            if kind == "why":
                blocks.append(tuple(f":::reflect\n{reflect[i]}\n:::" for i in (0, 1)))
        for kind in ("adapt", "home"):
            if sections[kind]:
                blocks.append(headings[kind])
                blocks.extend(paragraph(p) for p in sections[kind])
        blocks.append(headings["variations"])
        var = paragraph(variations)
        blocks.append(
            (f"{var[0]} {link[0]}".strip(), f"{var[1]} {link[1]}".strip()) if link else var
        )
        if notes:
            blocks.append(tuple(f":::notes\n{notes[i]}\n:::" for i in (0, 1)))
        return blocks

    def counts(blocks: Sequence[Pair]) -> list[int]:
        return [sum(_word_count(b[i]) for b in blocks) for i in lang_ids]

    # Grow the body paragraph by paragraph until every language reaches a random target,
    # stopping early enough that no language passes BODY_MAX_WORDS.
    target = rng.randint(BODY_MIN_WORDS + 10, 780)
    words = counts(assemble())
    order = ("why", "observe", "adapt", "home")
    turn = 0
    while min(words) < target and max(words) < BODY_MAX_WORDS - 50:
        kind = order[turn % len(order)]
        turn += 1
        para: list[Pair] = []
        sections[kind].append(para)
        for _ in range(rng.randint(3, 5)):
            sentence = w.sentence(pools[kind])
            para.append(sentence)
            words = [c + _word_count(sentence[i]) for c, i in zip(words, lang_ids, strict=True)]
            if min(words) >= target or max(words) >= BODY_MAX_WORDS - 50:
                break
    blocks = assemble()

    out: dict[str, str] = {}
    for lang in langs:
        i = LANG_INDEX[lang]
        meta: dict[str, object] = {"id": act.slug, "title": act.titles[i], "summary": summary[i]}
        meta.update(shared)
        if include_materials:
            meta["materials"] = [m[i] for m in materials]
        if reflection is not None:
            meta["reflection"] = {
                moment: [
                    (item[0][i], item[1][i]) if isinstance(item[0], tuple) else item[i]
                    for item in items
                ]
                for moment, items in reflection.items()
            }
        body = "\n\n".join(b[i] for b in blocks)
        out[lang] = f"{_front_matter(meta)}\n{body}\n"
    return out


def _validate_args(n: int, languages: Sequence[str], images_ratio: float) -> tuple[str, ...]:
    if n < 0:
        raise ValueError("n must be >= 0")
    if not 0.0 <= images_ratio <= 1.0:
        raise ValueError("images_ratio must be between 0 and 1")
    langs = tuple(languages)
    if not langs or len(set(langs)) != len(langs):
        raise ValueError("languages must be a non-empty list without repeats")
    unknown = [lang for lang in langs if lang not in LANG_INDEX]
    if unknown:
        raise ValueError(
            f"unsupported language(s) {', '.join(unknown)}; "
            f"templates exist for {', '.join(SUPPORTED_LANGUAGES)}"
        )
    return langs


def _prepare_out_dir(out_dir: Path, force: bool) -> None:
    """Refuse to write into a non-empty folder unless it is our own earlier output.

    Why: the output folder is meant to be thrown away, but pointing the script at real
    content by mistake must never delete anything.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise FileExistsError(f"{out_dir} exists and is not a directory")
    if out_dir.is_dir() and any(out_dir.iterdir()):
        if not force:
            raise FileExistsError(f"{out_dir} is not empty (use --force to replace a corpus)")
        if not (out_dir / MARKER_FILE).is_file():
            raise FileExistsError(
                f"refusing to delete {out_dir}: it has no {MARKER_FILE}, so it was not "
                "written by gen_corpus.py"
            )
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)


def generate(
    out_dir: Path,
    n: int,
    seed: int = 1,
    languages: Sequence[str] = ("en", "es"),
    images_ratio: float = 0.3,
    force: bool = False,
) -> dict[str, int]:
    """Write a complete content folder with ``n`` activities and return what was written.

    The first language is the default one: its files are ``<slug>.md``, the others
    ``<slug>.<lang>.md``. The same arguments always produce byte-identical files.
    ``out_dir`` must be absent or empty; with ``force`` an earlier corpus (recognised by
    its marker file) is replaced. Counts returned: activities, translations (files in
    other languages), images, restricted, drafts, notes (activities with a notes block),
    links (activities linking to another), words (body words in the default language)
    and files (every file written, the marker included).
    """
    langs = _validate_args(n, languages, images_ratio)
    out_dir = Path(out_dir)
    _prepare_out_dir(out_dir, force)
    rng = random.Random(seed)
    default_lang = langs[0]

    activities = _plan(rng, n, images_ratio)
    for act in activities:
        folder = f"activities/{act.group.folder}"
        act.files = {lang: f"{folder}/{_file_name(act.slug, lang, default_lang)}" for lang in langs}
    # Links and `related` only point at activities every reader can see, so that a
    # build that drops drafts or restricted pages never ends up with a dangling link.
    eligible = [a.index for a in activities if a.status == "published" and a.visibility == "public"]

    files: dict[str, bytes] = {}

    def put(rel: str, text: str) -> None:
        files[rel] = text.encode("utf-8")

    put("_vocabulary.yml", VOCABULARY_YAML)
    for page, texts in PAGES.items():
        for lang in langs:
            text = texts[lang].replace("{n}", str(n)).replace("{seed}", str(seed))
            put(_file_name(page, lang, default_lang), text)
    put(
        MARKER_FILE,
        f"Written by scripts/gen_corpus.py: n={n} seed={seed} languages={','.join(langs)} "
        f"images_ratio={images_ratio}\n",
    )

    counts = {
        "activities": n,
        "translations": n * (len(langs) - 1),
        "images": 0,
        "restricted": 0,
        "drafts": 0,
        "notes": 0,
        "links": 0,
        "words": 0,
    }
    for act in activities:
        texts = _render(act, rng, activities, eligible, langs)
        for lang, text in texts.items():
            put(act.files[lang], text)
        if act.has_image:
            put(f"activities/{act.group.folder}/images/{act.slug}.svg", _svg(rng, act.slug))
            counts["images"] += 1
        counts["restricted"] += act.visibility == "restricted"
        counts["drafts"] += act.status == "draft"
        counts["notes"] += act.has_notes
        counts["links"] += act.has_link
        # The first "\n---\n" closes the front matter; the rest is the body.
        counts["words"] += _word_count(texts[default_lang].split("\n---\n", 1)[1])

    made: set[Path] = set()
    for rel in sorted(files):
        path = out_dir / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(files[rel])
    counts["files"] = len(files)
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate a deterministic synthetic Mochila content folder."
    )
    parser.add_argument("out_dir", type=Path, help="folder to create (must be empty or absent)")
    parser.add_argument("--n", type=int, default=1000, help="number of activities (1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument(
        "--languages",
        default="en,es",
        help="comma-separated languages, default first (en,es); supported: "
        + ",".join(SUPPORTED_LANGUAGES),
    )
    parser.add_argument(
        "--images-ratio", type=float, default=0.3, help="share of activities with an image (0.3)"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace OUT_DIR if it holds an earlier corpus"
    )
    args = parser.parse_args(argv)
    languages = [lang.strip() for lang in args.languages.split(",") if lang.strip()]
    start = time.perf_counter()
    try:
        counts = generate(
            args.out_dir, args.n, args.seed, languages, args.images_ratio, force=args.force
        )
    except (ValueError, FileExistsError) as exc:
        parser.error(str(exc))
    elapsed = time.perf_counter() - start
    summary = ", ".join(f"{key}={value}" for key, value in counts.items())
    print(f"{args.out_dir}: {summary} in {elapsed:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
