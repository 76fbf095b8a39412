#!/usr/bin/env python3
"""Writes a synthetic, deterministic kardes site for benchmarks.

    Benchmarks/gen-corpus.py --n 10000 --out .build-bench-data/kardes-10000

The site is exactly in the format of SPEC.md: content/site.yml, the three models, one file per partnership under
content/partnerships/, city files under content/cities/<cc>/<slug>.md with coordinates, a few networks, a page
and an introduction. City names, countries and approximate coordinates are real and public (the list below);
the partnerships, networks, dates, people and texts are invented, and site.yml says so. Smaller towns are made up
from the word parts of each language and placed near real cities of their country.

The same --n, --seed and --languages give byte-identical files. Python 3 standard library only.
"""
import argparse
import bisect
import calendar
import itertools
import json
import os
import random
import shutil
import sys
import time
import unicodedata

DEFAULT_SEED = 20261125
#: Bump when the output changes, so that cached corpora are made again (Benchmarks/bench reads it).
GENERATOR_VERSION = 1

MODELS = [
    # slug, title, order, share of partnerships, summary
    ("sister-city", "Kardeş kent ilişkisi", 1, 0.62,
     "Uzak kentler arasında kültürel ve ticari alışverişe dayanan dostluk ilişkisi."),
    ("municipal-cooperation", "Belediyeler arası uluslararası iş birliği", 2, 0.25,
     "İki ya da daha fazla belediyenin teknik bilgi ve deneyim paylaşımı."),
    ("decentralised-cooperation", "Ademi merkezi iş birliği", 3, 0.13,
     "Yerel yönetimler arasında kalkınma ve insani yardım alanındaki iş birliği."),
]

# The default vocabulary of kardes (content/areas.yml is not needed): slug → Turkish word used in sentences.
AREAS = {
    "culture": "kültür", "education": "eğitim", "economy": "ekonomi ve ticaret", "tourism": "turizm",
    "environment": "çevre", "urban-planning": "kentsel planlama", "health": "sağlık",
    "social-services": "sosyal hizmetler", "youth": "gençlik", "sport": "spor", "governance": "yerel yönetişim",
    "disaster-management": "afet yönetimi", "transport": "ulaşım", "water": "su ve atık su", "energy": "enerji",
    "agriculture": "tarım", "science": "bilim ve teknoloji", "heritage": "kültürel miras",
    "gender-equality": "toplumsal cinsiyet eşitliği", "migration": "göç", "trade": "ticaret",
    "economic-development": "ekonomik kalkınma", "technology": "teknoloji", "waste-management": "atık yönetimi",
}
AREA_SLUGS = list(AREAS)
# Popular areas come up more often.
AREA_WEIGHTS = [9, 8, 7, 6, 5, 3, 3, 2, 5, 3, 3, 2, 2, 2, 2, 2, 2, 3, 1, 1, 3, 2, 2, 1]

ACTIVITY_TITLES = {
    "visit": ["Belediye başkanları düzeyinde karşılıklı ziyaret", "Meclis heyetinin ziyareti", "Teknik heyet ziyareti",
              "Resmî açılış ziyareti"],
    "project": ["Ortak proje: {area}", "Pilot proje: {area}", "Ortak çalışma grubu kuruldu", "İyi uygulamalar el kitabı"],
    "exchange": ["Öğrenci değişimi", "Uzman değişimi", "Gençlik değişimi", "Öğretmen değişimi"],
    "trade-mission": ["Ticaret heyeti", "İş forumu", "Ortak fuar katılımı"],
    "culture": ["Kültür haftası", "Ortak sergi", "Film günleri", "Müzik şenliği", "Gastronomi günleri"],
    "aid": ["Afet sonrası yardım", "İnsani yardım sevkiyatı", "Ekipman bağışı"],
    "other": ["Yıldönümü töreni", "Protokol yenilendi", "Ortak bildiri"],
}
ACTIVITY_KINDS = list(ACTIVITY_TITLES)
ACTIVITY_WEIGHTS = [6, 4, 4, 2, 5, 1, 2]

ACTORS = ["iki kentin belediye başkanları", "belediye meclis üyeleri", "yerel okullar", "ticaret ve sanayi odaları",
          "gençlik merkezleri", "kent müzeleri", "belediyelerin teknik ekipleri", "spor kulüpleri", "üniversiteler",
          "sivil toplum kuruluşları", "su ve kanalizasyon idareleri", "itfaiye teşkilatları", "hastaneler",
          "sanatçılar", "kadın kooperatifleri", "imar ve planlama müdürlükleri", "kütüphaneler", "esnaf dernekleri"]
EVENTS = ["kültür haftası", "öğrenci değişimi", "ortak sergi", "teknik eğitim programı", "kardeş kent festivali",
          "gençlik kampı", "ticaret fuarı", "film günleri", "müzik şenliği", "çalıştay", "yaz okulu",
          "fotoğraf yarışması", "spor turnuvası", "gastronomi günleri", "bilim şenliği", "kitap fuarı",
          "uzman değişimi", "pilot proje"]
ADJECTIVES = ["sağlam", "verimli", "samimi", "uzun soluklu", "düzenli", "iddialı", "mütevazı", "yenilikçi", "kalıcı",
              "sıcak", "üretken"]
FUNDERS = ["Avrupa Birliği'nin kardeş kent programı", "bölgesel kalkınma ajansı", "bir vakıf", "özel sponsorlar",
           "belediyeler birliği", "uluslararası bir kalkınma fonu", "ticaret odası", "il özel idaresi",
           "büyükelçiliğin kültür fonu"]
SENTENCES = [
    "{year} yılında {a} ve {b} belediyeleri arasında imzalanan protokol, {area} alanında düzenli bir iş birliğinin temelini attı.",
    "İlk yıllarda {actor} karşılıklı ziyaretler düzenledi; bu ziyaretlerin ardından {event} kalıcı bir etkinliğe dönüştü.",
    "{b} heyeti, {year2} yılında {a} kentini ziyaret ederek *{area}* konusundaki deneyimlerini paylaştı.",
    "Ortaklığın en görünür sonucu her yıl düzenlenen **{event}** oldu; son etkinliğe yaklaşık {k}0 kişi katıldı.",
    "Projelerin bir kısmı belediye bütçesinden, bir kısmı ise {funder} desteğiyle finanse edildi.",
    "{actor_cap} arasında kurulan bağ, resmî yazışmaların ötesine geçerek kişisel dostluklara dönüştü.",
    "Belediye meclisinin kararında iş birliği alanları olarak {area} ve {area2} sayıldı.",
    "Bazı dönemlerde ilişki durgunlaştı; {year2} yılındaki yeni protokol ise çalışmalara yeniden hız kazandırdı.",
    "Yerel basın, \"iki kent arasındaki en {adj} köprü\" diye nitelendirdiği bu ilişkiyi yakından izledi.",
    "{a} tarafında dış ilişkiler birimi, {b} tarafında ise belediye başkanlığına bağlı bir ofis koordinasyonu üstlendi.",
    "Değerlendirme raporuna göre katılımcıların yüzde {pct} kadarı {event} deneyimini \"çok yararlı\" buldu.",
    "Gençlik değişimleri kapsamında {k2} öğrenci iki kent arasında karşılıklı olarak ağırlandı.",
    "Ortak çalışma grubu, {area} alanındaki iyi uygulamaları derleyen bir el kitabı hazırladı.",
    "İki kentin {actor} düzenli olarak çevrim içi toplantılar yapıyor ve ortak projeler geliştiriyor.",
    "Kültür haftası sırasında {b} mutfağından örnekler, müzik dinletileri ve fotoğraf sergileri sunuldu.",
    "Ticaret odaları arasında imzalanan mutabakat zaptı, {k2} firmanın karşılıklı ziyaretine olanak tanıdı.",
    "Belediyelerin teknik personeli, {area} konusunda iki haftalık bir eğitim programına katıldı.",
    "Kent arşivlerinde ilişkiye dair ilk belgeler {year} yılına uzanıyor.",
    "'Kardeş kent' kavramı, bu ilişkide dostluk kadar somut iş birliğini de ifade ediyor.",
    "Eleştirmenler, {year}–{year2} döneminde üretilen somut sonuçların sınırlı kaldığını ve ilişkinin imza töreninin ötesine pek geçmediğini öne sürdü.",
    "Yeni dönemde {area} ve {area2} alanlarında ortak başvurular hazırlanması planlanıyor...",
    "Ziyaretler sırasında {actor} kent merkezindeki {event} için ortak bir program hazırladı.",
    "Protokolün yenilenmesiyle birlikte *{event}* iki yılda bir, dönüşümlü olarak iki kentte yapılmaya başlandı.",
    "Bu kayıt sentetik bir test korpusunun parçasıdır; adı geçen kişiler, tarihler ve etkinlikler uydurmadır.",
]
HEADINGS = ["Tarihçe", "Etkinlikler", "Projeler", "Değerlendirme", "Öne çıkanlar", "Bugün", "Finansman", "İletişim"]
NETWORK_WORDS_A = ["Kıyı", "Liman", "Dağ", "Nehir", "Bozkır", "Ada", "Sınır", "Vadi", "Göl", "Ova"]
NETWORK_WORDS_B = ["Kentleri Ağı", "Belediyeleri Platformu", "Kentler Birliği", "Yerel Yönetimler Forumu",
                   "Belediyeler Ağı"]
NETWORK_WORDS_C = ["Yeşil", "Akıllı", "Sağlıklı", "Tarihî", "Dirençli", "Kapsayıcı", "Bisiklet Dostu", "Öğrenen"]

# ---------------------------------------------------------------------------------------------------------------------
# Slugs as kardes makes them (Sources/KardesModel/Slug.swift) for Latin and Cyrillic names; other scripts get their
# slug from the English name, and their city file makes the native name lead to it.

SPECIAL = {"ı": "i", "İ": "i", "ş": "s", "Ş": "s", "ğ": "g", "Ğ": "g", "ç": "c", "Ç": "c", "ö": "o", "Ö": "o",
           "ü": "u", "Ü": "u", "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe", "đ": "d",
           "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ħ": "h", "Ħ": "h"}
# Close to ICU's Cyrillic-Latin with diacritics stripped; the benchmark checks the result against a real build.
CYRILLIC = dict(zip("абвгґдеёєжзиіїйклмнопрстуўфхцчшщыэюяјћђџ",
                    ["a", "b", "v", "g", "g", "d", "e", "e", "e", "z", "z", "i", "i", "i", "j", "k", "l", "m", "n", "o",
                     "p", "r", "s", "t", "u", "u", "f", "h", "c", "c", "s", "s", "y", "e", "u", "a", "j", "c", "d",
                     "dz"]))
CYRILLIC.update({"ь": "", "ъ": "", "љ": "lj", "њ": "nj"})


def slug(name):
    """The kardes slug of a Latin or Cyrillic name, or None when the name has letters of another script."""
    out = []
    for ch in name:
        if ch in SPECIAL:
            out.append(SPECIAL[ch])
        elif ch.lower() in CYRILLIC:
            out.append(CYRILLIC[ch.lower()])
        else:
            out.append(ch)
    text = unicodedata.normalize("NFKD", "".join(out))
    result, pending = [], False
    for ch in text.lower():
        if unicodedata.combining(ch):
            continue
        if "a" <= ch <= "z" or "0" <= ch <= "9":
            if pending and result:
                result.append("-")
            pending = False
            result.append(ch)
        elif ch in "'’":
            continue
        elif ch.isalpha():
            return None
        else:
            pending = True
    return "".join(result) or None


def yq(text):
    """A double-quoted YAML scalar (JSON strings are valid YAML), UTF-8 kept."""
    return json.dumps(text, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------------------------------
# Synthetic towns: word parts per language; names are made up and placed near a real city of the country.

TOWN_PARTS = {
    "tr": (["", "", "", "Yukarı ", "Aşağı ", "Yeni ", "Eski ", "Büyük ", "Küçük ", "Orta "],
           ["Kara", "Ak", "Göl", "Çam", "Kızıl", "Sarı", "Yeşil", "Değirmen", "Çay", "Ulu", "Bağ", "Tepe", "Köprü",
            "Pınar", "Dere", "Kuyu", "Armut", "Elma", "Ceviz", "Söğüt", "Çınar", "Kavak", "Taş", "Demir", "Altın",
            "Gümüş", "Boz", "Gök", "Ilıca", "Kestane", "Şahin", "Doğan", "Kartal", "Karaca", "Erik", "Üzüm", "İnce",
            "Çiftlik", "Yazı", "Hisar"],
           ["köy", "ova", "pınar", "dere", "yurt", "kent", "şehir", "hisar", "ören", "yayla", "kaya", "bel", "su",
            "tepe", "ağaç", "çay", "lı", "ler", "özü", "yaka", "burun", "alan", "oba", "gözü"]),
    "de": (["", "", "", "Alt", "Neu", "Ober", "Nieder", "Groß", "Klein", "Bad "],
           ["wald", "berg", "stein", "rosen", "linden", "eich", "buch", "mühl", "kirch", "hoch", "lauf", "brück",
            "fels", "sonnen", "schön", "weiß", "hohen", "tann", "sulz", "märk", "bären", "fürsten", "königs", "grün",
            "wolfs", "hirsch", "ahorn", "birken"],
           ["dorf", "heim", "hausen", "bach", "burg", "feld", "stadt", "ingen", "au", "rode", "hagen", "tal",
            "weiler", "münster", "furt", "höhe"]),
    "fr": (["Saint-", "Sainte-", "", "", "Mont", "Ville", "Beau", "Fontaine-", "Pont-"],
           ["Aubin", "Étienne", "Rémy", "Hélène", "Marie", "Geneviève", "Honoré", "Pierre", "Denis", "Benoît",
            "Agnès", "Amand", "Jérôme", "Léger", "Brice", "Gérard", "Cyr", "Loup"],
           ["-sur-Loire", "-sur-Marne", "-sur-Seine", "-sur-Saône", "-en-Provence", "-la-Forêt", "-les-Bains",
            "-le-Château", "-d'Étang", "-du-Lac", "-sur-Meuse", "-la-Rivière", "", "-le-Vieux", "-des-Prés"]),
    "it": (["San ", "Santa ", "Castel", "Monte", "Borgo ", "Villa ", "Porto ", "Rocca"],
           ["Giorgio", "Lucia", "Pietro", "Marco", "franco", "nuovo", "vecchio", "fiorito", "alto", "bello", "rosso",
            "verde", "Martino", "Vito", "Agata", "Maria"],
           ["", "", " di Sopra", " di Sotto", " Terme", " sul Mare", " d'Adda", " al Monte", " Marittima",
            " Vecchia", " in Piano"]),
    "es": (["San ", "Santa ", "Villa", "Puerto ", "Torre", "Fuente", "Castil", "Valde", "Peña"],
           ["nueva", "real", "blanca", "mayor", "fría", "Andrés", "María", "Lucía", "José", "Tomás", "rroya",
            "alba", "verde", "hermosa", "mora"],
           ["", "", " del Río", " de la Sierra", " de Guadalupe", " del Monte", " de Abajo", " de Arriba",
            " del Campo", " de los Olivos"]),
    "pt": (["São ", "Santa ", "Vila ", "Porto ", "Nova ", "Campo ", "Serra ", "Ribeirão "],
           ["João", "José", "Tomé", "Sebastião", "Alegre", "Branco", "Verde", "Grande", "Bonito", "Formosa",
            "Conceição", "Luzia", "Brás", "Gonçalo"],
           ["", "", " do Sul", " das Flores", " da Estrela", " de Minas", " do Norte", " dos Campos", " da Serra",
            " do Oeste"]),
    "en": (["", "", "East ", "West ", "North ", "South ", "Little ", "Great ", "Upper ", "Lower "],
           ["Ash", "Bright", "Cold", "Green", "Oak", "Elm", "Fair", "Mill", "Red", "Stone", "Wood", "Black",
            "White", "Long", "Kings", "Queens", "Bridge", "Brook", "Wex", "Hart", "Thorn", "Maple", "Cedar"],
           ["ton", "field", "ford", "bury", "ham", "wick", "by", "ley", "worth", "mouth", "dale", "port", "stead",
            "well", "ville", "view", " Springs", " Falls", " Heights", "borough"]),
    "nl": (["", "", "Nieuw-", "Oud-", "Groot-", "Klein-", "Sint-"],
           ["Zuid", "Noord", "Ooster", "Wester", "Hooge", "Lage", "Bergen", "Linde", "Eik", "Beek", "Velde", "Hei"],
           ["beek", "dam", "dijk", "hoven", "horst", "kerk", "veen", "wijk", "zande", "broek", "lo", "recht"]),
    "pl": (["", "", "", "Nowy ", "Stary ", "Nowa ", "Stara "],
           ["Dąbr", "Łęcz", "Brzez", "Żelaz", "Sław", "Kamien", "Grab", "Wierzb", "Ostrz", "Rad", "Mił", "Zduń",
            "Świerz", "Kobył", "Przem", "Gostyń", "Jabłon", "Krzem"],
           ["ów", "owo", "ice", "ówka", "in", "sko", "no", "ec", "owice", "ienica", "ów Wielki"]),
    "cs": (["", "", "Horní ", "Dolní ", "Nová ", "Stará ", "Velká ", "Malá "],
           ["Lhot", "Bystř", "Ves", "Hor", "Lib", "Ořech", "Třeb", "Kostel", "Luž", "Čerm", "Říč", "Chlum", "Dubn"],
           ["a", "ice", "ová", "any", "ec", "ov", "ín", "ná"]),
    "hu": (["", "", "Kis", "Nagy", "Alsó", "Felső"],
           ["szent", "tisza", "duna", "hegy", "fehér", "mező", "kő", "rét", "vár", "tölgy", "nyír", "sár"],
           ["falva", "hegy", "vár", "szállás", "háza", "egyháza", "földvár", "kér", "szeg", "újfalu", "telek", "hát"]),
    "ro": (["Valea ", "Satu ", "Târgu ", "Câmpia ", "Baia ", "Piatra ", "Podu ", "Izvoru "],
           ["Mare", "Nou", "Mureșului", "Jiului", "Oltului", "Lungă", "Verde", "Albă", "Românească", "Seacă",
            "Dulce", "Ursului", "Morii"],
           ["", "", " de Sus", " de Jos"]),
    "sv": (["", "", "Öster", "Väster", "Norr", "Söder", "Stora ", "Lilla "],
           ["björk", "ek", "sjö", "lind", "berg", "strand", "åsa", "häll", "gran", "tall", "al", "rös"],
           ["by", "köping", "stad", "holm", "sund", "vik", "berga", "ås", "fors", "ö", "åker", "hult"]),
    "no": (["", "", "Nord", "Sør", "Øvre ", "Nedre "],
           ["fjell", "bjørk", "furu", "sol", "stein", "gran", "lyng", "elv", "mo", "rød"],
           ["øy", "vik", "fjord", "dal", "heim", "stad", "nes", "vollen", "rud", "haug"]),
    "da": (["", "", "Nørre ", "Søndre ", "Vester ", "Øster "],
           ["Hol", "Ege", "Lin", "Bjer", "Ask", "Bøge", "Sø", "Strand", "Hede", "Mose"],
           ["by", "bæk", "lev", "rup", "sted", "købing", "ø", "holm", "lund", "strup"]),
    "fi": (["", "", "", "Ala-", "Yli-", "Iso-", "Pikku-"],
           ["Järven", "Koski", "Joki", "Lahti", "Mäki", "Salo", "Kylä", "Lampi", "Haapa", "Pää", "Kuusi", "Rauta"],
           ["pää", "lahti", "joki", "mäki", "niemi", "salmi", "vaara", "koski", "kylä", "järvi", "saari", "harju"]),
    "ru": (["", "", "", "Верхний ", "Нижний ", "Новый ", "Старый "],
           ["Ново", "Старо", "Красно", "Бело", "Черно", "Ивано", "Петро", "Никола", "Михайло", "Алексее", "Горно",
            "Лесо", "Светло", "Камено", "Озёро"],
           ["горск", "дар", "град", "полье", "озёрск", "каменск", "сибирск", "вск", "вка", "во", "ино", "поль",
            "реченск", "славль", "заводск", "мирск"]),
    "uk": (["", "", "", "Нові ", "Старі ", "Великі ", "Малі "],
           ["Ново", "Старо", "Біло", "Черво", "Зелено", "Іване", "Петро", "Микола", "Василь", "Дубо", "Вишне",
            "Соснів", "Криво"],
           ["град", "поле", "ківці", "вка", "ичі", "ів", "опіль", "гірськ", "дуби", "ярів", "брід"]),
    "bg": (["", "", "Горно ", "Долно ", "Ново ", "Старо "],
           ["Бело", "Черно", "Зелено", "Камено", "Сливо", "Орехо", "Росо", "Иваново", "Петрово", "Горско"],
           ["град", "поле", "во", "ово", "ене", "ица", "ец", "чево", "лак", "дол"]),
}
# Countries with synthetic towns: country → (language, share of all towns).
TOWN_COUNTRIES = {
    "TR": ("tr", 30), "DE": ("de", 10), "AT": ("de", 1.5), "CH": ("de", 1), "FR": ("fr", 6), "BE": ("nl", 1),
    "NL": ("nl", 2), "IT": ("it", 4), "ES": ("es", 3), "MX": ("es", 1.5), "AR": ("es", 1), "CO": ("es", 0.7),
    "CL": ("es", 0.5), "PE": ("es", 0.5), "PT": ("pt", 1), "BR": ("pt", 2), "GB": ("en", 3), "IE": ("en", 0.5),
    "US": ("en", 6), "CA": ("en", 1), "AU": ("en", 0.8), "NZ": ("en", 0.3), "PL": ("pl", 3), "CZ": ("cs", 1.5),
    "SK": ("cs", 0.7), "HU": ("hu", 1.5), "RO": ("ro", 2), "MD": ("ro", 0.4), "SE": ("sv", 1), "NO": ("no", 0.7),
    "DK": ("da", 0.7), "FI": ("fi", 0.8), "RU": ("ru", 4), "UA": ("uk", 2), "BG": ("bg", 1.5),
}

# ---------------------------------------------------------------------------------------------------------------------
# Real cities: country code | name in its own language and script | latitude | longitude | tier (1 = largest)
# | other names (en:, tr:), aliases, region (il) and kind for Turkish cities. Public, approximate facts.

CITY_DATA = """
# Turkish cities: region = province (il); kind as in SPEC.md
TR|İstanbul|41.01|28.97|1|en:Istanbul;region:İstanbul;kind:metropolitan
TR|Ankara|39.93|32.86|1|region:Ankara;kind:metropolitan
TR|İzmir|38.42|27.14|1|en:Izmir;region:İzmir;kind:metropolitan
TR|Bursa|40.19|29.06|2|region:Bursa;kind:metropolitan
TR|Antalya|36.90|30.70|2|region:Antalya;kind:metropolitan
TR|Konya|37.87|32.48|2|region:Konya;kind:metropolitan
TR|Adana|37.00|35.32|2|region:Adana;kind:metropolitan
TR|Gaziantep|37.07|37.38|2|alias:Antep;region:Gaziantep;kind:metropolitan
TR|Şanlıurfa|37.16|38.79|2|alias:Urfa;region:Şanlıurfa;kind:metropolitan
TR|Kocaeli|40.77|29.92|2|alias:İzmit;region:Kocaeli;kind:metropolitan
TR|Mersin|36.80|34.63|2|region:Mersin;kind:metropolitan
TR|Diyarbakır|37.91|40.24|2|region:Diyarbakır;kind:metropolitan
TR|Kayseri|38.72|35.49|2|region:Kayseri;kind:metropolitan
TR|Eskişehir|39.78|30.52|2|region:Eskişehir;kind:metropolitan
TR|Samsun|41.29|36.33|2|region:Samsun;kind:metropolitan
TR|Denizli|37.78|29.09|3|region:Denizli;kind:metropolitan
TR|Sakarya|40.78|30.40|3|alias:Adapazarı;region:Sakarya;kind:metropolitan
TR|Malatya|38.35|38.31|3|region:Malatya;kind:metropolitan
TR|Kahramanmaraş|37.58|36.94|3|alias:Maraş;region:Kahramanmaraş;kind:metropolitan
TR|Erzurum|39.90|41.27|3|region:Erzurum;kind:metropolitan
TR|Van|38.49|43.38|3|region:Van;kind:metropolitan
TR|Trabzon|41.00|39.72|2|region:Trabzon;kind:metropolitan
TR|Manisa|38.61|27.43|3|region:Manisa;kind:metropolitan
TR|Balıkesir|39.65|27.89|3|region:Balıkesir;kind:metropolitan
TR|Tekirdağ|40.98|27.51|3|region:Tekirdağ;kind:metropolitan
TR|Muğla|37.22|28.36|3|region:Muğla;kind:metropolitan
TR|Aydın|37.85|27.85|3|region:Aydın;kind:metropolitan
TR|Hatay|36.20|36.16|3|alias:Antakya;region:Hatay;kind:metropolitan
TR|Mardin|37.31|40.74|3|region:Mardin;kind:metropolitan
TR|Ordu|40.98|37.88|3|region:Ordu;kind:metropolitan
TR|Batman|37.89|41.13|4|region:Batman;kind:provincial-centre
TR|Elazığ|38.68|39.22|3|region:Elazığ;kind:provincial-centre
TR|Sivas|39.75|37.02|3|region:Sivas;kind:provincial-centre
TR|Çanakkale|40.15|26.41|3|region:Çanakkale;kind:provincial-centre
TR|Edirne|41.68|26.56|3|region:Edirne;kind:provincial-centre
TR|Isparta|37.76|30.55|4|region:Isparta;kind:provincial-centre
TR|Afyonkarahisar|38.76|30.54|4|alias:Afyon;region:Afyonkarahisar;kind:provincial-centre
TR|Kütahya|39.42|29.98|4|region:Kütahya;kind:provincial-centre
TR|Uşak|38.68|29.41|4|region:Uşak;kind:provincial-centre
TR|Giresun|40.91|38.39|4|region:Giresun;kind:provincial-centre
TR|Rize|41.02|40.52|4|region:Rize;kind:provincial-centre
TR|Artvin|41.18|41.82|4|region:Artvin;kind:provincial-centre
TR|Kars|40.60|43.10|4|region:Kars;kind:provincial-centre
TR|Ağrı|39.72|43.05|4|region:Ağrı;kind:provincial-centre
TR|Iğdır|39.92|44.04|4|region:Iğdır;kind:provincial-centre
TR|Siirt|37.93|41.94|4|region:Siirt;kind:provincial-centre
TR|Şırnak|37.52|42.46|4|region:Şırnak;kind:provincial-centre
TR|Hakkari|37.58|43.74|4|region:Hakkari;kind:provincial-centre
TR|Bitlis|38.40|42.11|4|region:Bitlis;kind:provincial-centre
TR|Muş|38.74|41.49|4|region:Muş;kind:provincial-centre
TR|Bingöl|38.88|40.50|4|region:Bingöl;kind:provincial-centre
TR|Tunceli|39.11|39.55|4|region:Tunceli;kind:provincial-centre
TR|Erzincan|39.75|39.49|4|region:Erzincan;kind:provincial-centre
TR|Bayburt|40.26|40.23|4|region:Bayburt;kind:provincial-centre
TR|Gümüşhane|40.46|39.48|4|region:Gümüşhane;kind:provincial-centre
TR|Tokat|40.31|36.55|4|region:Tokat;kind:provincial-centre
TR|Amasya|40.65|35.83|4|region:Amasya;kind:provincial-centre
TR|Çorum|40.55|34.95|4|region:Çorum;kind:provincial-centre
TR|Yozgat|39.82|34.81|4|region:Yozgat;kind:provincial-centre
TR|Kırşehir|39.15|34.17|4|region:Kırşehir;kind:provincial-centre
TR|Nevşehir|38.62|34.71|4|region:Nevşehir;kind:provincial-centre
TR|Niğde|37.97|34.68|4|region:Niğde;kind:provincial-centre
TR|Aksaray|38.37|34.03|4|region:Aksaray;kind:provincial-centre
TR|Karaman|37.18|33.22|4|region:Karaman;kind:provincial-centre
TR|Kırıkkale|39.85|33.51|4|region:Kırıkkale;kind:provincial-centre
TR|Çankırı|40.60|33.62|4|region:Çankırı;kind:provincial-centre
TR|Kastamonu|41.38|33.78|4|region:Kastamonu;kind:provincial-centre
TR|Sinop|42.03|35.15|4|region:Sinop;kind:provincial-centre
TR|Bartın|41.63|32.34|4|region:Bartın;kind:provincial-centre
TR|Karabük|41.20|32.63|4|region:Karabük;kind:provincial-centre
TR|Zonguldak|41.45|31.79|4|region:Zonguldak;kind:provincial-centre
TR|Düzce|40.84|31.16|4|region:Düzce;kind:provincial-centre
TR|Bolu|40.74|31.61|4|region:Bolu;kind:provincial-centre
TR|Bilecik|40.14|29.98|4|region:Bilecik;kind:provincial-centre
TR|Yalova|40.65|29.27|4|region:Yalova;kind:provincial-centre
TR|Kırklareli|41.73|27.22|4|region:Kırklareli;kind:provincial-centre
TR|Burdur|37.72|30.29|4|region:Burdur;kind:provincial-centre
TR|Osmaniye|37.07|36.25|4|region:Osmaniye;kind:provincial-centre
TR|Kilis|36.72|37.12|4|region:Kilis;kind:provincial-centre
TR|Adıyaman|37.76|38.28|4|region:Adıyaman;kind:provincial-centre
TR|Ardahan|41.11|42.70|4|region:Ardahan;kind:provincial-centre
TR|Üsküdar|41.02|29.02|2|region:İstanbul;kind:district
TR|Kadıköy|40.99|29.03|2|region:İstanbul;kind:district
TR|Beşiktaş|41.04|29.01|2|region:İstanbul;kind:district
TR|Beyoğlu|41.03|28.98|3|region:İstanbul;kind:district
TR|Fatih|41.02|28.94|2|region:İstanbul;kind:district
TR|Şişli|41.06|28.99|3|region:İstanbul;kind:district
TR|Bakırköy|40.98|28.87|3|region:İstanbul;kind:district
TR|Beylikdüzü|41.00|28.64|3|region:İstanbul;kind:district
TR|Ataşehir|40.98|29.12|3|region:İstanbul;kind:district
TR|Maltepe|40.93|29.13|3|region:İstanbul;kind:district
TR|Kartal|40.89|29.19|3|region:İstanbul;kind:district
TR|Pendik|40.88|29.25|3|region:İstanbul;kind:district
TR|Tuzla|40.82|29.30|4|region:İstanbul;kind:district
TR|Sarıyer|41.17|29.05|3|region:İstanbul;kind:district
TR|Eyüpsultan|41.05|28.93|3|region:İstanbul;kind:district
TR|Esenyurt|41.03|28.68|4|region:İstanbul;kind:district
TR|Büyükçekmece|41.02|28.59|4|region:İstanbul;kind:district
TR|Çankaya|39.92|32.85|2|region:Ankara;kind:district
TR|Keçiören|39.98|32.87|3|region:Ankara;kind:district
TR|Yenimahalle|39.97|32.81|3|region:Ankara;kind:district
TR|Etimesgut|39.95|32.67|4|region:Ankara;kind:district
TR|Karşıyaka|38.46|27.11|2|region:İzmir;kind:district
TR|Bornova|38.46|27.22|3|region:İzmir;kind:district
TR|Konak|38.42|27.13|3|region:İzmir;kind:district
TR|Buca|38.39|27.18|4|region:İzmir;kind:district
TR|Çeşme|38.32|26.30|3|region:İzmir;kind:district
TR|Selçuk|37.95|27.37|3|region:İzmir;kind:district
TR|Osmangazi|40.19|29.06|3|region:Bursa;kind:district
TR|Nilüfer|40.21|28.98|3|region:Bursa;kind:district
TR|Muratpaşa|36.89|30.71|3|region:Antalya;kind:district
TR|Alanya|36.54|32.00|2|region:Antalya;kind:district
TR|Kemer|36.60|30.56|4|region:Antalya;kind:district
TR|Bodrum|37.04|27.43|2|region:Muğla;kind:district
TR|Marmaris|36.85|28.27|3|region:Muğla;kind:district
TR|Fethiye|36.62|29.12|3|region:Muğla;kind:district
TR|Kuşadası|37.86|27.26|3|region:Aydın;kind:district
TR|Safranbolu|41.25|32.69|3|region:Karabük;kind:district
TR|Ürgüp|38.63|34.91|4|region:Nevşehir;kind:district
TR|Tarsus|36.92|34.90|3|region:Mersin;kind:district
TR|İskenderun|36.59|36.17|3|region:Hatay;kind:district
TR|Ereğli|41.28|31.42|4|region:Zonguldak;kind:district
TR|Ayvalık|39.32|26.69|4|region:Balıkesir;kind:district
TR|Midyat|37.42|41.34|4|region:Mardin;kind:district
TR|Pamukkale|37.92|29.12|4|region:Denizli;kind:district
# Germany, Austria, Switzerland
DE|Berlin|52.52|13.40|1|tr:Berlin
DE|Hamburg|53.55|9.99|2|
DE|München|48.14|11.58|2|en:Munich;tr:Münih
DE|Köln|50.94|6.96|2|en:Cologne;alias:Koeln
DE|Frankfurt am Main|50.11|8.68|2|en:Frankfurt
DE|Stuttgart|48.78|9.18|2|
DE|Düsseldorf|51.23|6.78|2|
DE|Nürnberg|49.45|11.08|2|en:Nuremberg
DE|Dortmund|51.51|7.47|3|
DE|Essen|51.46|7.01|3|
DE|Bremen|53.08|8.80|3|
DE|Leipzig|51.34|12.37|3|
DE|Dresden|51.05|13.74|3|
DE|Hannover|52.37|9.73|3|en:Hanover
DE|Duisburg|51.43|6.76|3|
DE|Bochum|51.48|7.22|3|
DE|Wuppertal|51.26|7.15|4|
DE|Bielefeld|52.02|8.53|4|
DE|Bonn|50.73|7.10|3|
DE|Mannheim|49.49|8.47|3|
DE|Karlsruhe|49.01|8.40|4|
DE|Augsburg|48.37|10.90|4|
DE|Wiesbaden|50.08|8.24|4|
DE|Mainz|50.00|8.27|4|
DE|Münster|51.96|7.63|4|
DE|Göttingen|51.54|9.93|4|
DE|Würzburg|49.79|9.95|4|
DE|Lübeck|53.87|10.69|4|
DE|Kiel|54.32|10.14|4|
DE|Freiburg im Breisgau|47.99|7.85|4|en:Freiburg
DE|Saarbrücken|49.24|6.99|4|
DE|Gelsenkirchen|51.52|7.10|4|
DE|Offenbach am Main|50.10|8.77|4|
AT|Wien|48.21|16.37|1|en:Vienna;tr:Viyana
AT|Graz|47.07|15.44|3|
AT|Linz|48.31|14.29|3|
AT|Salzburg|47.80|13.04|3|
AT|Innsbruck|47.27|11.40|4|
AT|Klagenfurt am Wörthersee|46.62|14.31|4|en:Klagenfurt
CH|Zürich|47.37|8.54|2|en:Zurich
CH|Genève|46.20|6.14|2|en:Geneva;tr:Cenevre
CH|Basel|47.56|7.59|3|
CH|Bern|46.95|7.45|3|
CH|Lausanne|46.52|6.63|4|
CH|Luzern|47.05|8.31|4|en:Lucerne
# France, Benelux
FR|Paris|48.86|2.35|1|
FR|Marseille|43.30|5.37|2|
FR|Lyon|45.76|4.84|2|
FR|Toulouse|43.60|1.44|3|
FR|Nice|43.70|7.27|3|
FR|Nantes|47.22|-1.55|3|
FR|Strasbourg|48.57|7.75|2|
FR|Montpellier|43.61|3.88|3|
FR|Bordeaux|44.84|-0.58|3|
FR|Lille|50.63|3.06|3|
FR|Rennes|48.11|-1.68|4|
FR|Reims|49.26|4.03|4|
FR|Le Havre|49.49|0.11|4|
FR|Saint-Étienne|45.44|4.39|4|
FR|Toulon|43.12|5.93|4|
FR|Grenoble|45.19|5.72|4|
FR|Dijon|47.32|5.04|4|
FR|Nîmes|43.84|4.36|4|
FR|Clermont-Ferrand|45.78|3.08|4|
FR|Besançon|47.24|6.02|4|
FR|Orléans|47.90|1.90|4|
FR|Metz|49.12|6.18|4|
FR|Rouen|49.44|1.10|4|
FR|Mulhouse|47.75|7.34|4|
FR|Poix-du-Nord|50.19|3.61|4|
NL|Amsterdam|52.37|4.90|1|
NL|Rotterdam|51.92|4.48|2|
NL|Den Haag|52.08|4.30|2|en:The Hague;tr:Lahey;alias:'s-Gravenhage
NL|Utrecht|52.09|5.12|3|
NL|Eindhoven|51.44|5.48|3|
NL|Groningen|53.22|6.57|4|
NL|Tilburg|51.56|5.09|4|
NL|Nijmegen|51.84|5.86|4|
NL|Haarlem|52.38|4.64|4|
NL|Arnhem|51.98|5.91|4|
NL|Maastricht|50.85|5.69|4|
NL|Leiden|52.16|4.49|4|
BE|Bruxelles|50.85|4.35|1|en:Brussels;tr:Brüksel;alias:Brussel
BE|Antwerpen|51.22|4.40|2|en:Antwerp;alias:Anvers
BE|Gent|51.05|3.72|3|en:Ghent
BE|Liège|50.63|5.57|3|
BE|Brugge|51.21|3.22|4|en:Bruges
BE|Charleroi|50.41|4.44|4|
BE|Leuven|50.88|4.70|4|
BE|Namur|50.47|4.87|4|
LU|Luxembourg|49.61|6.13|3|tr:Lüksemburg
# British Isles
GB|London|51.51|-0.13|1|tr:Londra
GB|Birmingham|52.49|-1.89|2|
GB|Manchester|53.48|-2.24|2|
GB|Liverpool|53.41|-2.98|3|
GB|Leeds|53.80|-1.55|3|
GB|Sheffield|53.38|-1.47|3|
GB|Bristol|51.45|-2.59|3|
GB|Glasgow|55.86|-4.25|3|
GB|Edinburgh|55.95|-3.19|3|
GB|Cardiff|51.48|-3.18|3|
GB|Belfast|54.60|-5.93|3|
GB|Newcastle upon Tyne|54.98|-1.61|4|
GB|Nottingham|52.95|-1.15|4|
GB|Leicester|52.64|-1.13|4|
GB|Coventry|52.41|-1.51|4|
GB|Bradford|53.80|-1.76|4|
GB|Keighley|53.87|-1.91|4|
GB|Oxford|51.75|-1.26|4|
GB|Cambridge|52.21|0.12|4|
GB|York|53.96|-1.08|4|
GB|Brighton|50.82|-0.14|4|
GB|Aberdeen|57.15|-2.09|4|
IE|Dublin|53.35|-6.26|2|
IE|Cork|51.90|-8.47|4|
IE|Galway|53.27|-9.05|4|
IE|Limerick|52.66|-8.63|4|
# Nordic and Baltic
DK|København|55.68|12.57|2|en:Copenhagen;tr:Kopenhag
DK|Aarhus|56.16|10.20|3|alias:Århus
DK|Odense|55.40|10.39|4|
DK|Aalborg|57.05|9.92|4|
SE|Stockholm|59.33|18.07|2|
SE|Göteborg|57.71|11.97|3|en:Gothenburg
SE|Malmö|55.60|13.00|3|
SE|Uppsala|59.86|17.64|4|
SE|Västerås|59.61|16.55|4|
SE|Örebro|59.27|15.21|4|
SE|Linköping|58.41|15.62|4|
NO|Oslo|59.91|10.75|2|
NO|Bergen|60.39|5.32|3|
NO|Trondheim|63.43|10.40|4|
NO|Stavanger|58.97|5.73|4|
NO|Tromsø|69.65|18.96|4|
FI|Helsinki|60.17|24.94|2|alias:Helsingfors
FI|Espoo|60.21|24.66|4|
FI|Tampere|61.50|23.76|4|
FI|Turku|60.45|22.27|4|alias:Åbo
FI|Oulu|65.01|25.47|4|
FI|Jyväskylä|62.24|25.75|4|
IS|Reykjavík|64.15|-21.94|3|
EE|Tallinn|59.44|24.75|3|
EE|Tartu|58.38|26.72|4|
LV|Rīga|56.95|24.11|3|en:Riga
LV|Daugavpils|55.87|26.54|4|
LT|Vilnius|54.69|25.28|3|
LT|Kaunas|54.90|23.90|4|
LT|Klaipėda|55.71|21.14|4|
LT|Šiauliai|55.93|23.31|4|
# Southern Europe
IT|Roma|41.90|12.50|1|en:Rome;tr:Roma
IT|Milano|45.46|9.19|2|en:Milan
IT|Napoli|40.85|14.27|2|en:Naples
IT|Torino|45.07|7.69|3|en:Turin
IT|Palermo|38.12|13.36|3|
IT|Genova|44.41|8.93|3|en:Genoa;tr:Cenova
IT|Bologna|44.49|11.34|3|
IT|Firenze|43.77|11.26|3|en:Florence;tr:Floransa
IT|Bari|41.12|16.87|4|
IT|Catania|37.50|15.09|4|
IT|Venezia|45.44|12.33|3|en:Venice;tr:Venedik
IT|Verona|45.44|10.99|4|
IT|Trieste|45.65|13.78|4|
IT|Padova|45.41|11.88|4|en:Padua
IT|Perugia|43.11|12.39|4|
IT|Cagliari|39.22|9.12|4|
ES|Madrid|40.42|-3.70|1|
ES|Barcelona|41.39|2.17|1|
ES|València|39.47|-0.38|2|en:Valencia
ES|Sevilla|37.39|-5.98|2|en:Seville
ES|Zaragoza|41.65|-0.89|3|
ES|Málaga|36.72|-4.42|3|
ES|Bilbao|43.26|-2.93|3|
ES|Córdoba|37.89|-4.78|3|
ES|Granada|37.18|-3.60|3|
ES|Alicante|38.35|-0.48|4|alias:Alacant
ES|Valladolid|41.65|-4.72|4|
ES|Vigo|42.24|-8.72|4|
ES|A Coruña|43.36|-8.41|4|en:La Coruña
ES|Palma|39.57|2.65|4|
ES|Salamanca|40.97|-5.66|4|
ES|Cádiz|36.53|-6.29|4|
PT|Lisboa|38.72|-9.14|2|en:Lisbon;tr:Lizbon
PT|Porto|41.15|-8.61|3|
PT|Braga|41.55|-8.42|4|
PT|Coimbra|40.21|-8.43|4|
PT|Faro|37.02|-7.93|4|
PT|Funchal|32.65|-16.91|4|
MT|Valletta|35.90|14.51|4|
# Central and Eastern Europe
PL|Warszawa|52.23|21.01|1|en:Warsaw;tr:Varşova
PL|Kraków|50.06|19.94|2|en:Krakow
PL|Łódź|51.76|19.46|3|en:Lodz
PL|Wrocław|51.11|17.03|3|
PL|Poznań|52.41|16.93|3|
PL|Gdańsk|54.35|18.65|3|
PL|Szczecin|53.43|14.55|4|
PL|Bydgoszcz|53.12|18.01|4|
PL|Lublin|51.25|22.57|4|
PL|Katowice|50.26|19.02|4|
PL|Białystok|53.13|23.16|4|
PL|Gdynia|54.52|18.53|4|
PL|Częstochowa|50.81|19.12|4|
PL|Toruń|53.01|18.60|4|
PL|Rzeszów|50.04|22.00|4|
CZ|Praha|50.08|14.44|1|en:Prague;tr:Prag
CZ|Brno|49.20|16.61|3|
CZ|Ostrava|49.82|18.26|4|
CZ|Plzeň|49.75|13.38|4|en:Pilsen
CZ|Olomouc|49.59|17.25|4|
CZ|České Budějovice|48.97|14.47|4|
CZ|Hradec Králové|50.21|15.83|4|
SK|Bratislava|48.15|17.11|2|
SK|Košice|48.72|21.26|3|
SK|Prešov|49.00|21.24|4|
SK|Žilina|49.22|18.74|4|
SK|Banská Bystrica|48.74|19.15|4|
HU|Budapest|47.50|19.04|1|tr:Budapeşte
HU|Debrecen|47.53|21.63|3|
HU|Szeged|46.25|20.15|3|
HU|Miskolc|48.10|20.78|4|
HU|Pécs|46.07|18.23|4|
HU|Győr|47.69|17.63|4|
HU|Nyíregyháza|47.96|21.72|4|
HU|Kecskemét|46.91|19.69|4|
HU|Székesfehérvár|47.19|18.41|4|
SI|Ljubljana|46.06|14.51|3|
SI|Maribor|46.55|15.65|4|
HR|Zagreb|45.81|15.98|2|
HR|Split|43.51|16.44|3|
HR|Rijeka|45.33|14.44|4|
HR|Osijek|45.55|18.69|4|
HR|Zadar|44.12|15.23|4|
HR|Dubrovnik|42.65|18.09|4|
BA|Sarajevo|43.86|18.41|2|tr:Saraybosna
BA|Banja Luka|44.77|17.19|4|
BA|Tuzla|44.54|18.67|4|
BA|Zenica|44.20|17.91|4|
BA|Mostar|43.34|17.81|3|
RS|Београд|44.82|20.46|2|en:Belgrade;tr:Belgrad;alias:Beograd
RS|Нови Сад|45.25|19.84|3|en:Novi Sad
RS|Ниш|43.32|21.90|4|en:Niš
RS|Крагујевац|44.01|20.91|4|en:Kragujevac
RS|Суботица|46.10|19.67|4|en:Subotica
ME|Podgorica|42.44|19.26|3|
ME|Budva|42.29|18.84|4|
ME|Kotor|42.42|18.77|4|
MK|Скопје|42.00|21.43|2|en:Skopje;tr:Üsküp;alias:Üsküp
MK|Битола|41.03|21.33|4|en:Bitola;tr:Manastır
MK|Охрид|41.12|20.80|4|en:Ohrid
MK|Тетово|42.01|20.97|4|en:Tetovo;tr:Kalkandelen
MK|Прилеп|41.35|21.55|4|en:Prilep;tr:Pirlepe
AL|Tiranë|41.33|19.82|2|en:Tirana;tr:Tiran
AL|Durrës|41.32|19.45|4|en:Durres;tr:Dıraç
AL|Shkodër|42.07|19.51|4|en:Shkodra;tr:İşkodra
AL|Vlorë|40.47|19.49|4|en:Vlora;tr:Avlonya
AL|Korçë|40.62|20.78|4|en:Korca;tr:Görice
BG|София|42.70|23.32|2|en:Sofia;tr:Sofya
BG|Пловдив|42.14|24.75|3|en:Plovdiv;tr:Filibe
BG|Варна|43.21|27.91|3|en:Varna
BG|Бургас|42.50|27.47|3|en:Burgas;tr:Burgaz
BG|Русе|43.85|25.97|4|en:Ruse;tr:Rusçuk
BG|Стара Загора|42.43|25.64|4|en:Stara Zagora;tr:Eski Zağra
BG|Кърджали|41.64|25.37|4|en:Kardzhali;tr:Kırcaali
BG|Шумен|43.27|26.92|4|en:Shumen;tr:Şumnu
BG|Хасково|41.93|25.56|4|en:Haskovo;tr:Hasköy
RO|București|44.43|26.10|1|en:Bucharest;tr:Bükreş
RO|Cluj-Napoca|46.77|23.59|3|
RO|Timișoara|45.75|21.23|3|en:Timisoara
RO|Iași|47.16|27.59|3|en:Iasi;tr:Yaş
RO|Constanța|44.18|28.63|3|en:Constanta;tr:Köstence
RO|Craiova|44.32|23.80|4|
RO|Brașov|45.65|25.61|4|en:Brasov
RO|Galați|45.44|28.05|4|en:Galati;tr:Kalas
RO|Oradea|47.07|21.93|4|
RO|Sibiu|45.79|24.15|4|
RO|Tulcea|45.18|28.80|4|
RO|Medgidia|44.25|28.27|4|tr:Mecidiye
MD|Chișinău|47.01|28.86|3|en:Chisinau;tr:Kişinev
MD|Bălți|47.76|27.93|4|en:Balti
MD|Comrat|46.30|28.66|4|tr:Komrat
GR|Αθήνα|37.98|23.73|1|en:Athens;tr:Atina
GR|Θεσσαλονίκη|40.64|22.94|2|en:Thessaloniki;tr:Selanik
GR|Πάτρα|38.25|21.73|4|en:Patras
GR|Ηράκλειο|35.34|25.13|3|en:Heraklion;tr:Kandiye
GR|Λάρισα|39.64|22.42|4|en:Larissa;tr:Yenişehir
GR|Βόλος|39.36|22.94|4|en:Volos
GR|Ιωάννινα|39.66|20.85|4|en:Ioannina;tr:Yanya
GR|Κομοτηνή|41.12|25.40|4|en:Komotini;tr:Gümülcine
GR|Ξάνθη|41.14|24.89|4|en:Xanthi;tr:İskeçe
GR|Καβάλα|40.94|24.41|4|en:Kavala
GR|Ρόδος|36.43|28.22|4|en:Rhodes;tr:Rodos
GR|Χανιά|35.51|24.02|4|en:Chania;tr:Hanya
GR|Αλεξανδρούπολη|40.85|25.87|4|en:Alexandroupoli;tr:Dedeağaç
CY|Λεμεσός|34.68|33.04|4|en:Limassol
CY|Λάρνακα|34.92|33.63|4|en:Larnaca
# Eastern Europe, Caucasus, Central Asia
UA|Київ|50.45|30.52|1|en:Kyiv;tr:Kiev
UA|Харків|49.99|36.23|2|en:Kharkiv
UA|Одеса|46.48|30.72|2|en:Odesa;tr:Odessa
UA|Дніпро|48.46|35.05|3|en:Dnipro
UA|Львів|49.84|24.03|3|en:Lviv
UA|Запоріжжя|47.84|35.14|4|en:Zaporizhzhia
UA|Вінниця|49.23|28.47|4|en:Vinnytsia
UA|Миколаїв|46.98|32.00|4|en:Mykolaiv
UA|Херсон|46.64|32.61|4|en:Kherson
UA|Чернівці|48.29|25.94|4|en:Chernivtsi
BY|Мінск|53.90|27.56|2|en:Minsk
BY|Гомель|52.44|30.98|4|en:Homel
BY|Брэст|52.10|23.70|4|en:Brest
BY|Гродна|53.68|23.83|4|en:Hrodna
RU|Москва|55.76|37.62|1|en:Moscow;tr:Moskova
RU|Санкт-Петербург|59.94|30.31|1|en:Saint Petersburg
RU|Новосибирск|55.03|82.92|3|en:Novosibirsk
RU|Екатеринбург|56.84|60.61|3|en:Yekaterinburg
RU|Казань|55.79|49.12|2|en:Kazan
RU|Нижний Новгород|56.33|44.00|3|en:Nizhny Novgorod
RU|Челябинск|55.16|61.40|4|en:Chelyabinsk
RU|Самара|53.20|50.15|4|en:Samara
RU|Омск|54.99|73.37|4|en:Omsk
RU|Ростов-на-Дону|47.24|39.71|3|en:Rostov-on-Don
RU|Уфа|54.74|55.97|3|en:Ufa
RU|Красноярск|56.02|92.89|4|en:Krasnoyarsk
RU|Пермь|58.01|56.23|4|en:Perm
RU|Воронеж|51.67|39.18|4|en:Voronezh
RU|Волгоград|48.71|44.51|3|en:Volgograd
RU|Краснодар|45.04|38.98|3|en:Krasnodar
RU|Сочи|43.60|39.73|3|en:Sochi;tr:Soçi
RU|Калининград|54.71|20.51|4|en:Kaliningrad
RU|Владивосток|43.12|131.89|4|en:Vladivostok
RU|Иркутск|52.29|104.28|4|en:Irkutsk
RU|Ярославль|57.63|39.87|4|en:Yaroslavl
RU|Астрахань|46.35|48.04|4|en:Astrakhan
RU|Махачкала|42.98|47.50|4|en:Makhachkala
GE|თბილისი|41.72|44.79|2|en:Tbilisi;tr:Tiflis;alias:Tiflis
GE|ბათუმი|41.64|41.64|2|en:Batumi;tr:Batum
GE|ქუთაისი|42.27|42.70|4|en:Kutaisi
GE|რუსთავი|41.55|45.00|4|en:Rustavi
GE|ზუგდიდი|42.51|41.87|4|en:Zugdidi
GE|თელავი|41.92|45.47|4|en:Telavi
AM|Երևան|40.18|44.51|3|en:Yerevan;tr:Erivan
AM|Գյումրի|40.79|43.85|4|en:Gyumri;tr:Gümrü
AZ|Bakı|40.41|49.87|1|en:Baku;tr:Bakü
AZ|Gəncə|40.68|46.36|3|en:Ganja;tr:Gence
AZ|Sumqayıt|40.59|49.67|4|en:Sumgait;tr:Sumgayıt
AZ|Şəki|41.19|47.17|4|en:Shaki;tr:Şeki
AZ|Naxçıvan|39.21|45.41|3|en:Nakhchivan;tr:Nahçıvan
AZ|Lənkəran|38.75|48.85|4|en:Lankaran;tr:Lenkeran
AZ|Şuşa|39.76|46.75|4|en:Shusha;tr:Şuşa
KZ|Алматы|43.24|76.89|2|en:Almaty
KZ|Астана|51.17|71.45|2|en:Astana
KZ|Шымкент|42.32|69.59|3|en:Shymkent;tr:Çimkent
KZ|Түркістан|43.30|68.25|3|en:Turkistan;tr:Türkistan
KZ|Қарағанды|49.80|73.10|4|en:Karaganda
KZ|Ақтөбе|50.28|57.17|4|en:Aktobe
KG|Бишкек|42.87|74.59|2|en:Bishkek
KG|Ош|40.51|72.80|4|en:Osh;tr:Oş
UZ|Toshkent|41.30|69.24|2|en:Tashkent;tr:Taşkent
UZ|Samarqand|39.65|66.96|2|en:Samarkand;tr:Semerkant
UZ|Buxoro|39.77|64.42|3|en:Bukhara;tr:Buhara
UZ|Xiva|41.38|60.36|4|en:Khiva;tr:Hive
UZ|Namangan|41.00|71.67|4|
UZ|Farg‘ona|40.39|71.78|4|en:Fergana;tr:Fergana
TM|Aşgabat|37.95|58.38|3|en:Ashgabat;tr:Aşkabat
TM|Türkmenabat|39.07|63.58|4|en:Turkmenabat
TM|Mary|37.60|61.83|4|
TJ|Душанбе|38.56|68.79|3|en:Dushanbe
TJ|Хуҷанд|40.28|69.62|4|en:Khujand;tr:Hocent
MN|Улаанбаатар|47.92|106.92|3|en:Ulaanbaatar;tr:Ulan Batur
# Middle East and North Africa
EG|القاهرة|30.04|31.24|1|en:Cairo;tr:Kahire
EG|الإسكندرية|31.20|29.92|2|en:Alexandria;tr:İskenderiye
EG|الأقصر|25.69|32.64|4|en:Luxor;tr:Luksor
EG|أسوان|24.09|32.90|4|en:Aswan;tr:Asvan
SA|الرياض|24.71|46.68|2|en:Riyadh;tr:Riyad
SA|جدة|21.49|39.19|3|en:Jeddah;tr:Cidde
AE|دبي|25.20|55.27|2|en:Dubai
AE|أبوظبي|24.45|54.38|3|en:Abu Dhabi
QA|الدوحة|25.29|51.53|2|en:Doha
KW|الكويت|29.38|47.99|3|en:Kuwait City
BH|المنامة|26.23|50.59|4|en:Manama
OM|مسقط|23.59|58.41|3|en:Muscat;tr:Maskat
JO|عمّان|31.95|35.93|2|en:Amman
LB|بيروت|33.89|35.50|2|en:Beirut;tr:Beyrut
LB|طرابلس|34.44|35.83|4|en:Tripoli;tr:Trablusşam
SY|دمشق|33.51|36.29|2|en:Damascus;tr:Şam
SY|حلب|36.20|37.13|2|en:Aleppo;tr:Halep
IQ|بغداد|33.32|44.36|2|en:Baghdad;tr:Bağdat
IQ|أربيل|36.19|44.01|3|en:Erbil
IQ|الموصل|36.34|43.13|3|en:Mosul;tr:Musul
IQ|كركوك|35.47|44.39|3|en:Kirkuk;tr:Kerkük
IQ|البصرة|30.51|47.78|4|en:Basra
MA|الدار البيضاء|33.57|-7.59|2|en:Casablanca;tr:Kazablanka
MA|الرباط|34.02|-6.84|2|en:Rabat
MA|فاس|34.03|-5.00|3|en:Fes;tr:Fas
MA|مراكش|31.63|-7.99|3|en:Marrakesh;tr:Marakeş
MA|طنجة|35.76|-5.83|3|en:Tangier;tr:Tanca
DZ|الجزائر|36.75|3.06|2|en:Algiers;tr:Cezayir
DZ|وهران|35.70|-0.63|3|en:Oran;tr:Vahran
DZ|قسنطينة|36.37|6.61|4|en:Constantine;tr:Kostantin
TN|تونس|36.81|10.18|2|en:Tunis
TN|صفاقس|34.74|10.76|4|en:Sfax
TN|القيروان|35.68|10.10|4|en:Kairouan;tr:Kayrevan
LY|طرابلس|32.89|13.19|3|en:Tripoli;tr:Trablusgarp
LY|بنغازي|32.12|20.07|4|en:Benghazi;tr:Bingazi
SD|الخرطوم|15.50|32.56|3|en:Khartoum;tr:Hartum
IR|تهران|35.69|51.39|1|en:Tehran;tr:Tahran
IR|مشهد|36.30|59.61|3|en:Mashhad;tr:Meşhed
IR|اصفهان|32.65|51.67|3|en:Isfahan;tr:İsfahan
IR|تبریز|38.08|46.29|3|en:Tabriz;tr:Tebriz
IR|شیراز|29.59|52.58|4|en:Shiraz;tr:Şiraz
AF|کابل|34.53|69.17|3|en:Kabul;tr:Kâbil
AF|هرات|34.35|62.20|4|en:Herat
PK|لاہور|31.55|74.34|2|en:Lahore
PK|کراچی|24.86|67.01|2|en:Karachi;tr:Karaçi
PK|اسلام آباد|33.68|73.05|2|en:Islamabad
PK|پشاور|34.01|71.58|4|en:Peshawar;tr:Peşaver
IL|תל אביב-יפו|32.09|34.78|3|en:Tel Aviv
IL|חיפה|32.79|34.99|4|en:Haifa;tr:Hayfa
# South and East Asia
IN|नई दिल्ली|28.61|77.21|1|en:New Delhi;tr:Yeni Delhi
IN|मुंबई|19.08|72.88|1|en:Mumbai;alias:Bombay
IN|कोलकाता|22.57|88.36|2|en:Kolkata;alias:Calcutta
IN|चेन्नई|13.08|80.27|2|en:Chennai;alias:Madras
IN|Bengaluru|12.97|77.59|2|en:Bangalore
IN|Hyderabad|17.39|78.49|3|
IN|अहमदाबाद|23.02|72.57|3|en:Ahmedabad
IN|जयपुर|26.91|75.79|3|en:Jaipur
IN|लखनऊ|26.85|80.95|4|en:Lucknow
IN|Pune|18.52|73.86|4|
BD|ঢাকা|23.81|90.41|2|en:Dhaka;tr:Dakka
BD|চট্টগ্রাম|22.36|91.78|4|en:Chittagong
LK|Colombo|6.93|79.86|3|
NP|काठमाडौं|27.72|85.32|3|en:Kathmandu
CN|北京|39.90|116.41|1|en:Beijing;tr:Pekin
CN|上海|31.23|121.47|1|en:Shanghai;tr:Şanghay
CN|广州|23.13|113.26|2|en:Guangzhou
CN|深圳|22.54|114.06|2|en:Shenzhen
CN|天津|39.34|117.36|2|en:Tianjin
CN|重庆|29.56|106.55|3|en:Chongqing
CN|成都|30.57|104.07|3|en:Chengdu
CN|武汉|30.59|114.31|3|en:Wuhan
CN|西安|34.34|108.94|2|en:Xi'an
CN|南京|32.06|118.80|3|en:Nanjing
CN|杭州|30.27|120.16|3|en:Hangzhou
CN|青岛|36.07|120.38|4|en:Qingdao
CN|大连|38.91|121.61|4|en:Dalian
CN|厦门|24.48|118.09|4|en:Xiamen
CN|哈尔滨|45.80|126.53|4|en:Harbin
CN|乌鲁木齐|43.83|87.62|3|en:Ürümqi;tr:Urumçi
CN|喀什|39.47|75.99|4|en:Kashgar;tr:Kaşgar
CN|昆明|25.04|102.71|4|en:Kunming
HK|香港|22.32|114.17|2|en:Hong Kong
TW|臺北|25.03|121.57|2|en:Taipei
TW|高雄|22.63|120.30|4|en:Kaohsiung
JP|東京|35.68|139.69|1|en:Tokyo;tr:Tokyo
JP|大阪|34.69|135.50|2|en:Osaka
JP|京都|35.01|135.77|2|en:Kyoto
JP|横浜|35.44|139.64|3|en:Yokohama
JP|名古屋|35.18|136.91|3|en:Nagoya
JP|札幌|43.06|141.35|4|en:Sapporo
JP|神戸|34.69|135.20|3|en:Kobe
JP|福岡|33.59|130.40|4|en:Fukuoka
JP|広島|34.39|132.46|3|en:Hiroshima
JP|仙台|38.27|140.87|4|en:Sendai
JP|長崎|32.75|129.88|4|en:Nagasaki
JP|奈良|34.69|135.80|4|en:Nara
JP|金沢|36.56|136.66|4|en:Kanazawa
JP|串本町|33.47|135.78|4|en:Kushimoto
KR|서울|37.57|126.98|1|en:Seoul
KR|부산|35.18|129.08|2|en:Busan
KR|인천|37.46|126.71|3|en:Incheon
KR|대구|35.87|128.60|3|en:Daegu
KR|대전|36.35|127.38|4|en:Daejeon
KR|광주|35.16|126.85|4|en:Gwangju
KR|수원|37.26|127.03|4|en:Suwon
KR|경주|35.86|129.22|4|en:Gyeongju
TH|กรุงเทพมหานคร|13.76|100.50|1|en:Bangkok;tr:Bangkok
TH|เชียงใหม่|18.79|98.98|3|en:Chiang Mai
TH|ภูเก็ต|7.88|98.39|4|en:Phuket
VN|Hà Nội|21.03|105.85|2|en:Hanoi
VN|Thành phố Hồ Chí Minh|10.82|106.63|2|en:Ho Chi Minh City;alias:Saigon
VN|Đà Nẵng|16.05|108.20|3|en:Da Nang
VN|Huế|16.46|107.60|4|en:Hue
VN|Hải Phòng|20.84|106.69|4|en:Haiphong
ID|Jakarta|-6.21|106.85|1|tr:Cakarta
ID|Surabaya|-7.25|112.75|3|
ID|Bandung|-6.92|107.61|3|
ID|Banda Aceh|5.55|95.32|4|
ID|Medan|3.59|98.67|4|
ID|Yogyakarta|-7.80|110.36|4|
ID|Denpasar|-8.65|115.22|4|
MY|Kuala Lumpur|3.14|101.69|2|
MY|George Town|5.41|100.33|4|
MY|Melaka|2.19|102.25|4|en:Malacca
SG|Singapore|1.35|103.82|2|tr:Singapur
PH|Manila|14.60|120.98|2|
PH|Cebu City|10.32|123.89|4|
PH|Davao City|7.19|125.46|4|
# Africa
NG|Lagos|6.52|3.38|2|
NG|Abuja|9.08|7.40|3|
NG|Kano|12.00|8.52|4|
GH|Accra|5.60|-0.19|3|
GH|Kumasi|6.69|-1.62|4|
SN|Dakar|14.72|-17.47|3|
SN|Saint-Louis|16.03|-16.49|4|
ML|Bamako|12.64|-8.00|4|
BF|Ouagadougou|12.37|-1.52|4|
NE|Niamey|13.51|2.11|4|
CI|Abidjan|5.36|-4.01|3|
BJ|Cotonou|6.37|2.39|4|
TG|Lomé|6.13|1.22|4|
CM|Douala|4.05|9.77|4|
CM|Yaoundé|3.85|11.50|4|
CD|Kinshasa|-4.44|15.27|3|
AO|Luanda|-8.84|13.23|3|
KE|Nairobi|-1.29|36.82|2|
KE|Mombasa|-4.04|39.67|4|
UG|Kampala|0.35|32.58|3|
RW|Kigali|-1.95|30.06|3|
TZ|Dar es Salaam|-6.79|39.21|3|
ET|አዲስ አበባ|9.03|38.74|2|en:Addis Ababa
ET|ጎንደር|12.60|37.47|4|en:Gondar
SO|Muqdisho|2.05|45.32|3|en:Mogadishu;tr:Mogadişu
MZ|Maputo|-25.97|32.57|4|
ZW|Harare|-17.83|31.05|4|
ZM|Lusaka|-15.39|28.32|4|
NA|Windhoek|-22.56|17.08|4|
ZA|Johannesburg|-26.20|28.05|2|
ZA|Cape Town|-33.92|18.42|2|alias:Kaapstad
ZA|Durban|-29.86|31.03|3|
ZA|Pretoria|-25.75|28.19|3|
MG|Antananarivo|-18.88|47.51|4|
# Americas
US|New York|40.71|-74.01|1|
US|Los Angeles|34.05|-118.24|1|
US|Chicago|41.88|-87.63|2|
US|Houston|29.76|-95.37|2|
US|Phoenix|33.45|-112.07|3|
US|Philadelphia|39.95|-75.17|3|
US|San Antonio|29.42|-98.49|3|
US|San Diego|32.72|-117.16|3|
US|Dallas|32.78|-96.80|3|
US|San Francisco|37.77|-122.42|2|
US|Seattle|47.61|-122.33|3|
US|Boston|42.36|-71.06|3|
US|Washington|38.91|-77.04|2|
US|Atlanta|33.75|-84.39|3|
US|Miami|25.76|-80.19|3|
US|Denver|39.74|-104.99|4|
US|Detroit|42.33|-83.05|4|
US|Minneapolis|44.98|-93.27|4|
US|Portland|45.52|-122.68|4|
US|New Orleans|29.95|-90.07|4|
US|Baltimore|39.29|-76.61|4|
US|Pittsburgh|40.44|-80.00|4|
US|Honolulu|21.31|-157.86|4|
US|Salt Lake City|40.76|-111.89|4|
US|Austin|30.27|-97.74|4|
US|Nashville|36.16|-86.78|4|
CA|Toronto|43.65|-79.38|2|
CA|Montréal|45.50|-73.57|2|en:Montreal
CA|Vancouver|49.28|-123.12|3|
CA|Ottawa|45.42|-75.70|3|
CA|Calgary|51.05|-114.07|4|
CA|Edmonton|53.55|-113.49|4|
CA|Québec|46.81|-71.21|4|en:Quebec City
CA|Winnipeg|49.90|-97.14|4|
CA|Halifax|44.65|-63.57|4|
MX|Ciudad de México|19.43|-99.13|1|en:Mexico City;tr:Meksiko
MX|Guadalajara|20.66|-103.35|3|
MX|Monterrey|25.69|-100.32|3|
MX|Puebla|19.04|-98.21|4|
MX|Tijuana|32.51|-117.04|4|
MX|Mérida|20.97|-89.62|4|
MX|Oaxaca de Juárez|17.07|-96.73|4|en:Oaxaca
GT|Ciudad de Guatemala|14.63|-90.51|4|en:Guatemala City
CR|San José|9.93|-84.08|4|
PA|Panamá|8.98|-79.52|4|en:Panama City
CU|La Habana|23.11|-82.37|3|en:Havana;tr:Havana
DO|Santo Domingo|18.49|-69.93|4|
CO|Bogotá|4.71|-74.07|2|
CO|Medellín|6.24|-75.58|3|
CO|Cali|3.45|-76.53|4|
CO|Cartagena|10.39|-75.48|4|
CO|Córdoba, Nariño|0.85|-77.52|4|
VE|Caracas|10.48|-66.90|3|
EC|Quito|-0.18|-78.47|3|
EC|Guayaquil|-2.19|-79.89|4|
PE|Lima|-12.05|-77.04|2|
PE|Cusco|-13.53|-71.97|4|alias:Cuzco
PE|Arequipa|-16.41|-71.54|4|
BO|La Paz|-16.49|-68.12|3|
CL|Santiago|-33.45|-70.67|2|
CL|Valparaíso|-33.05|-71.62|4|
AR|Buenos Aires|-34.60|-58.38|1|
AR|Córdoba|-31.42|-64.18|3|
AR|Rosario|-32.94|-60.65|4|
AR|Mendoza|-32.89|-68.85|4|
UY|Montevideo|-34.90|-56.16|3|
PY|Asunción|-25.26|-57.58|4|
BR|São Paulo|-23.55|-46.63|1|
BR|Rio de Janeiro|-22.91|-43.17|1|
BR|Brasília|-15.79|-47.88|2|
BR|Salvador|-12.97|-38.50|3|
BR|Fortaleza|-3.73|-38.52|4|
BR|Belo Horizonte|-19.92|-43.94|3|
BR|Manaus|-3.12|-60.02|4|
BR|Curitiba|-25.43|-49.27|3|
BR|Recife|-8.05|-34.88|4|
BR|Porto Alegre|-30.03|-51.23|3|
BR|Belém|-1.46|-48.50|4|
BR|Florianópolis|-27.60|-48.55|4|
# Oceania
AU|Sydney|-33.87|151.21|1|
AU|Melbourne|-37.81|144.96|2|
AU|Brisbane|-27.47|153.03|3|
AU|Perth|-31.95|115.86|3|
AU|Adelaide|-34.93|138.60|3|
AU|Canberra|-35.28|149.13|4|
AU|Hobart|-42.88|147.33|4|
NZ|Auckland|-36.85|174.76|3|
NZ|Wellington|-41.29|174.78|3|
NZ|Christchurch|-43.53|172.64|4|
FJ|Suva|-18.14|178.44|4|
"""


# ---------------------------------------------------------------------------------------------------------------------
# Cities

def parse_cities():
    """The real cities of CITY_DATA, in their order."""
    cities = []
    for line in CITY_DATA.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cc, name, lat, lon, tier, extras = line.split("|")
        city = dict(cc=cc, name=name, lat=float(lat), lon=float(lon), tier=int(tier), names={}, aliases=[],
                    region=None, kind=None, synthetic=False)
        for item in filter(None, extras.split(";")):
            key, value = item.split(":", 1)
            if key in ("en", "tr"):
                city["names"][key] = value
            elif key == "alias":
                city["aliases"].append(value)
            else:
                city[key] = value
        own = slug(name)
        city["file_slug"] = own or slug(city["names"]["en"])
        cities.append(city)
    return cities


class SlugBook:
    """The slugs taken in each country (file slugs and every name's slug), so no two cities share one."""

    def __init__(self):
        self.taken = {}

    def names(self, city):
        keys = {city["file_slug"]}
        for text in [city["name"], *city["names"].values(), *city["aliases"]]:
            key = slug(text)
            if key:
                keys.add(key)
        return keys

    def free(self, city):
        return not (self.names(city) & self.taken.get(city["cc"], set()))

    def add(self, city):
        self.taken.setdefault(city["cc"], set()).update(self.names(city))


def make_towns(rng, count, real, book):
    """`count` made-up towns spread over TOWN_COUNTRIES by share, each near a real city of its country."""
    anchors = {}
    for city in real:
        anchors.setdefault(city["cc"], []).append(city)
    total = sum(share for _lang, share in TOWN_COUNTRIES.values())
    towns = []
    for cc, (lang, share) in sorted(TOWN_COUNTRIES.items()):
        want = int(round(count * share / total))
        first, middle, last = TOWN_PARTS[lang]
        made = misses = 0
        while made < want and misses < 400:
            name = rng.choice(first) + rng.choice(middle) + rng.choice(last)
            name = name.strip()
            if name[0].islower():
                name = name[0].upper() + name[1:]
            if "- " in name or name.endswith("-"):
                misses += 1
                continue
            anchor = rng.choice(anchors[cc])
            lat = max(-85.0, min(85.0, anchor["lat"] + rng.gauss(0, 0.6)))
            lon = ((anchor["lon"] + rng.gauss(0, 0.8) + 180) % 360) - 180
            town = dict(cc=cc, name=name, lat=round(lat, 4), lon=round(lon, 4), tier=5, names={}, aliases=[],
                        region=anchor.get("region"), kind="town" if cc == "TR" else None, synthetic=True,
                        file_slug=slug(name))
            if not town["file_slug"] or not book.free(town):
                misses += 1
                continue
            book.add(town)
            towns.append(town)
            made += 1
            misses = 0
    return towns


class Picker:
    """Draws cities by weight (a Zipf-like law over their rank)."""

    def __init__(self, rng, cities):
        self.rng, self.cities = rng, cities
        self.cum = list(itertools.accumulate(c["weight"] for c in cities))

    def __call__(self):
        return self.cities[bisect.bisect_right(self.cum, self.rng.random() * self.cum[-1])]


def city_pool(rng, n):
    real = parse_cities()
    book = SlugBook()
    for city in real:
        if not book.free(city):
            sys.exit("gen-corpus: two real cities share a slug in %s: %s" % (city["cc"], city["name"]))
        book.add(city)
    towns = make_towns(rng, max(100, n // 9), real, book)
    # Rank: İstanbul first, then the real cities by tier (random within a tier), then the towns.
    order = sorted(real[1:], key=lambda c: (c["tier"], rng.random()))
    ranked = [real[0]] + order + towns
    for rank, city in enumerate(ranked):
        city["weight"] = 1.0 / (rank + 3) ** 1.0
    for i, city in enumerate(ranked):
        city["index"] = i
        # Some towns have no city file: their page is made from the references alone (Latin names only, so the
        # slug is known; a body links only cities that have a file).
        city["has_file"] = not (city["synthetic"] and rng.random() < 0.15 and city["name"].isascii())
    return ranked


def reference(rng, city):
    """How a partnership names the city: its name, sometimes a Turkish or English name or an alias, rarely cc/slug."""
    r = rng.random()
    if city["has_file"]:
        if r < 0.03:
            return "%s/%s" % (city["cc"].lower(), city["file_slug"])
        if r < 0.12 and "tr" in city["names"]:
            return "%s, %s" % (city["names"]["tr"], city["cc"])
        if r < 0.16 and city["aliases"]:
            return "%s, %s" % (rng.choice(city["aliases"]), city["cc"])
        if r < 0.20 and "en" in city["names"]:
            return "%s, %s" % (city["names"]["en"], city["cc"])
    return "%s, %s" % (city["name"], city["cc"])


def display(city):
    """The name a Turkish text uses."""
    return city["names"].get("tr", city["name"])


# ---------------------------------------------------------------------------------------------------------------------
# Dates

def partial_date(rng, year, full=0.40, month=0.25):
    r = rng.random()
    if r < full:
        m = rng.randint(1, 12)
        return "%d-%02d-%02d" % (year, m, rng.randint(1, calendar.monthrange(year, m)[1]))
    if r < full + month:
        return "%d-%02d" % (year, rng.randint(1, 12))
    return "%d" % year


# ---------------------------------------------------------------------------------------------------------------------
# Text

def sentence(rng, p, cities):
    a, b = display(cities[0]), display(cities[1])
    year = p["year"] or rng.randint(1950, 2020)
    actor = rng.choice(ACTORS)
    return rng.choice(SENTENCES).format(
        a=a, b=b, year=year, year2=min(2025, year + rng.randint(1, 25)), actor=actor,
        actor_cap=actor[0].upper() + actor[1:], event=rng.choice(EVENTS), adj=rng.choice(ADJECTIVES),
        area=AREAS[rng.choice(p["areas"])], area2=AREAS[rng.choice(AREA_SLUGS)], k=rng.randint(2, 60),
        k2=rng.randint(5, 200), pct=rng.randint(55, 95), funder=rng.choice(FUNDERS))


def body(rng, p, cities, ctx):
    """150–600 words of Markdown: paragraphs, emphasis, a list, sometimes headings, entry links and a web link."""
    target = rng.randint(150, 600)
    words = 0
    blocks = []
    linked = [c for c in cities[1:] if c["has_file"]]
    intro = sentence(rng, p, cities)
    if linked:
        other = rng.choice(linked)
        intro += " Ayrıntılar için [%s](city:%s/%s) sayfasına ve [%s](model:%s) modeline bakılabilir." % (
            display(other), other["cc"].lower(), other["file_slug"], ctx["model_titles"][p["model"]].lower(), p["model"])
    blocks.append(intro)
    words += len(intro.split())
    headings = rng.random() < 0.45
    used_headings = set()
    list_done = False
    while words < target:
        if headings and rng.random() < 0.25:
            title = rng.choice(HEADINGS)
            if title not in used_headings:
                used_headings.add(title)
                blocks.append("## " + title)
        if not list_done and words > 60:
            list_done = True
            if rng.random() < 0.5:
                items = ["- **%s**: %s" % (AREAS[a][0].upper() + AREAS[a][1:], rng.choice(EVENTS)) for a in p["areas"]]
                block = "Başlıca çalışma alanları:\n\n" + "\n".join(items)
            else:
                years = sorted(rng.sample(range(p["year"] or 1990, 2026), min(3, 2026 - (p["year"] or 1990))))
                items = ["%d. %d: %s" % (i + 1, y, rng.choice(EVENTS)) for i, y in enumerate(years)]
                block = "Öne çıkan yıllar:\n\n" + "\n".join(items)
            blocks.append(block)
            words += len(block.split())
            continue
        paragraph = " ".join(sentence(rng, p, cities) for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.15 and ctx["networks_of"].get(cities[0]["index"]):
            network = rng.choice(ctx["networks_of"][cities[0]["index"]])
            paragraph += " %s, [%s](network:%s) üyesidir." % (display(cities[0]), network["title"], network["slug"])
        elif rng.random() < 0.1 and ctx["previous"].get(cities[0]["index"]):
            paragraph += " Aynı kentin [bir başka ortaklığı](partnership:%s) da bu rehberde yer alıyor." % (
                ctx["previous"][cities[0]["index"]])
        elif rng.random() < 0.08:
            paragraph += " Ülke sayfası: [%s](country:%s)." % (cities[1]["cc"], cities[1]["cc"].lower())
        blocks.append(paragraph)
        words += len(paragraph.split())
    blocks.append("Daha fazla bilgi için [ortaklığın web sayfası](https://example.org/kardes/%s/) ve "
                  "[bu korpus hakkında](page:hakkinda) sayfası." % p["slug"])
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------------------------------------------------
# Networks and partnerships

def make_networks(rng, n, pick_any):
    networks, slugs = [], set()
    for _ in range(max(3, min(60, n // 2000))):
        while True:
            title = "%s %s %s" % (rng.choice(NETWORK_WORDS_C), rng.choice(NETWORK_WORDS_A), rng.choice(NETWORK_WORDS_B))
            key = slug(title)
            if key not in slugs:
                break
        slugs.add(key)
        size = min(150, int(5 * rng.paretovariate(1.2)))
        members = []
        while len(members) < size:
            city = pick_any()
            if city not in members:
                members.append(city)
        model = "municipal-cooperation" if rng.random() < 0.7 else rng.choice(["sister-city", "decentralised-cooperation"])
        networks.append(dict(slug=key, title=title, members=members, seat=rng.choice(members), model=model,
                             founded=rng.randint(1950, 2020)))
    return networks


def make_partnerships(rng, n, pick_tr, pick_other, pick_any):
    seen, slugs, out = set(), set(), []
    models = [m[0] for m in MODELS]
    shares = [m[3] for m in MODELS]
    for _ in range(n):
        model = rng.choices(models, shares)[0]
        k = 2
        if model == "municipal-cooperation" and rng.random() < 0.15:
            k = rng.choice([3, 3, 4])
        elif model == "decentralised-cooperation" and rng.random() < 0.10:
            k = 3
        for attempt in range(60):
            first = pick_tr() if rng.random() < 0.7 else pick_other()
            chosen = [first]
            while len(chosen) < k:
                city = pick_other() if rng.random() < 0.93 else pick_tr()
                if attempt > 30:
                    city = pick_any()
                if city not in chosen:
                    chosen.append(city)
            # kardes rejects the same cities with the same model twice (and warns about them with another date),
            # so every set of cities appears at most once per model.
            key = (frozenset(c["index"] for c in chosen), model)
            if key not in seen:
                break
        else:
            continue
        seen.add(key)
        base = "-".join(sorted(c["file_slug"] for c in chosen))[:100].strip("-")
        name, i = base, 2
        while name in slugs:
            name = "%s-%d" % (base, i)
            i += 1
        slugs.add(name)
        out.append(dict(slug=name, cities=chosen, model=model))
    return out


def front_matter(rng, p, cities):
    lines = ["---"]
    lines.append("cities: [%s]" % ", ".join(yq(reference(rng, c)) for c in cities))
    lines.append("model: " + p["model"])
    r = rng.random()
    status = "active" if r < 0.70 else "dormant" if r < 0.82 else "ended" if r < 0.92 else "proposed"
    year = int(rng.triangular(1950, 2025.999, 2008))
    if status == "proposed":
        year = None if rng.random() < 0.7 else max(year, 2015)
    elif rng.random() < 0.05:
        year = None  # unknown date
    if status == "ended" and (year is None or year > 2022):
        status = "dormant"
    p["year"] = year
    if year is not None:
        lines.append("established: " + partial_date(rng, year))
    if status == "ended":
        end = rng.randint(year + 2, 2025)
        lines.append("ended: %d" % end if rng.random() < 0.8 else "status: ended")
    elif status != "active" or rng.random() < 0.2:
        lines.append("status: " + status)
    if rng.random() < 0.08:
        lines.append("title: " + yq(" – ".join(display(c) for c in cities) + " dostluğu"))
    k = min(len(AREA_SLUGS), 1 + int(rng.expovariate(0.6)))
    areas = []
    while len(areas) < min(k, 6):
        area = rng.choices(AREA_SLUGS, AREA_WEIGHTS)[0]
        if area not in areas:
            areas.append(area)
    p["areas"] = areas
    lines.append("areas: [%s]" % ", ".join(areas))
    turkish = any(c["cc"] == "TR" for c in cities)
    paperwork = turkish and p["model"] == "sister-city" and rng.random() < 0.6
    if rng.random() < (0.8 if paperwork else 0.4):
        lines.append("purpose: " + yq("%s alanında deneyim paylaşımı ve kentler arası dostluğun güçlendirilmesi."
                                      % AREAS[areas[0]].capitalize()))
    if paperwork and year is not None:
        dy = max(1950, year - 1)
        lines.append("council_decision: { date: %s, number: %s }" % (partial_date(rng, dy, 0.9, 0.1),
                                                                    yq("%d/%d" % (dy, rng.randint(1, 400)))))
        if rng.random() < 0.85:
            lines.append("ministry_approval: { date: %s, number: %s }" % (
                partial_date(rng, year, 0.9, 0.1), yq("E-%d" % rng.randint(10000, 99999))))
        if rng.random() < 0.6:
            lines.append("protocol: https://example.org/protokol/%s.pdf" % p["slug"])
    if rng.random() < 0.5:
        lines.append("agreement: " + rng.choice(["twinning", "twinning", "friendship", "cooperation", "memorandum", "other"]))
    if rng.random() < 0.15:
        lines.append("association: " + yq("%s–%s Dostluk Derneği" % (display(cities[0]), display(cities[1]))))
    if rng.random() < 0.3:
        lines.append("contacts: [{ name: \"Dış İlişkiler Müdürlüğü\", email: \"dis.iliskiler@%s.example.org\", city: %s }]"
                     % (cities[0]["file_slug"], yq(reference(rng, cities[0]))))
    start = year or 1990
    count = int(rng.expovariate(0.5)) if status != "proposed" else 0
    if count and start < 2025:
        lines.append("activities:")
        dates = sorted(partial_date(rng, rng.randint(start, 2025), 0.3, 0.4) for _ in range(min(count, 8)))
        for date in dates:
            kind = rng.choices(ACTIVITY_KINDS, ACTIVITY_WEIGHTS)[0]
            title = rng.choice(ACTIVITY_TITLES[kind]).format(area=AREAS[rng.choice(areas)])
            lines.append("  - { date: %s, kind: %s, title: %s }" % (date, kind, yq(title)))
    if rng.random() < 0.25:
        lines.append("links: [https://example.org/kardes/%s/]" % p["slug"])
    if rng.random() < 0.5:
        lines.append("sources:")
        lines.append("  - { title: \"Belediye meclisi kararı\" }")
        if rng.random() < 0.5:
            lines.append("  - { url: https://example.org/kaynak/%s, retrieved: %s }" % (
                p["slug"], partial_date(rng, rng.randint(2015, 2025), 1.0, 0)))
    if rng.random() < 0.005:
        lines.append("draft: true")
        p["draft"] = True  # left out of the site, so no other entry may link to it
    lines.append("---")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------------------------------
# Writing

class Writer:
    def __init__(self, root):
        self.root, self.folders, self.files, self.bytes = root, set(), 0, 0

    def __call__(self, relative, text):
        path = os.path.join(self.root, relative)
        folder = os.path.dirname(path)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        self.files += 1
        self.bytes += len(data)


def city_file(city):
    lines = ["---", "name: " + yq(city["name"])]
    if city["names"]:
        lines.append("names: { %s }" % ", ".join("%s: %s" % (k, yq(v)) for k, v in sorted(city["names"].items())))
    if city["aliases"]:
        lines.append("aliases: [%s]" % ", ".join(yq(a) for a in city["aliases"]))
    if city.get("region"):
        lines.append("region: " + yq(city["region"]))
    if city.get("kind"):
        lines.append("kind: " + city["kind"])
    lines.append("coordinates: [%.2f, %.2f]" % (city["lat"], city["lon"]) if not city["synthetic"]
                 else "coordinates: [%s, %s]" % (city["lat"], city["lon"]))
    lines.append("---")
    text = "\n".join(lines) + "\n"
    if not city["synthetic"]:
        text += "%s. Koordinatlar yaklaşıktır; bu kente ait ortaklıklar sentetiktir.\n" % city["name"]
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True, help="number of partnerships (1000, 10000, 100000, …)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %d)" % DEFAULT_SEED)
    ap.add_argument("--out", required=True, help="the site folder to write (content/ goes inside it)")
    ap.add_argument("--languages", default="tr", help="site languages, comma-separated (default tr)")
    ap.add_argument("--force", action="store_true", help="replace --out if it exists")
    ap.add_argument("--version", action="store_true", help="print the generator version and exit")
    args = ap.parse_args()
    started = time.time()
    if os.path.exists(args.out) and os.listdir(args.out):
        if not args.force:
            sys.exit("gen-corpus: %s exists and is not empty (use --force to replace it)" % args.out)
        shutil.rmtree(args.out)
    rng = random.Random(args.seed)
    cities = city_pool(rng, args.n)
    turkish = [c for c in cities if c["cc"] == "TR"]
    others = [c for c in cities if c["cc"] != "TR"]
    pick_tr, pick_other, pick_any = Picker(rng, turkish), Picker(rng, others), Picker(rng, cities)
    networks = make_networks(rng, args.n, pick_any)
    partnerships = make_partnerships(rng, args.n, pick_tr, pick_other, pick_any)
    if len(partnerships) != args.n:
        sys.exit("gen-corpus: could only make %d distinct partnerships" % len(partnerships))

    write = Writer(args.out)
    languages = [x.strip() for x in args.languages.split(",") if x.strip()]
    write("content/site.yml",
          "# Synthetic benchmark corpus written by Benchmarks/gen-corpus.py --n %d --seed %d.\n"
          "# City names and approximate coordinates are real; every partnership, network, date and text is invented.\n"
          "title: %s\n"
          "description: %s\n"
          "base_url: https://example.org/rehber/\n"
          "languages: [%s]\n"
          "owner: \"İstanbul, TR\"\n"
          "markdown: { unsafe_html: false, smart_punctuation: true }\n"
          % (args.n, args.seed, yq("Kardeş Kentler Rehberi — sentetik test korpusu (%d ortaklık)" % args.n),
             yq("Sentetik bir benchmark korpusu: kent adları gerçek, ortaklıklar uydurmadır. "
                "A synthetic benchmark corpus: real city names, invented partnerships."),
             ", ".join(languages)))
    for model, title, order, _share, summary in MODELS:
        write("content/models/%s.md" % model,
              "---\ntitle: %s\norder: %d\nsummary: %s\n---\n\n%s\n" % (title, order, summary, summary))
    write("content/index.md",
          "---\ntitle: Kardeş Kentler Rehberi\n---\n"
          "Bu site **sentetik** bir test korpusudur: %d ortaklık, gerçek kent adları ve yaklaşık koordinatlarla, ama "
          "uydurma ilişkiler, tarihler ve metinlerle. Modeller: [kardeş kent](model:sister-city), "
          "[belediyeler arası iş birliği](model:municipal-cooperation) ve "
          "[ademi merkezi iş birliği](model:decentralised-cooperation). Ayrıntılar [bu sayfada](page:hakkinda).\n"
          % args.n)
    write("content/pages/hakkinda.md",
          "---\ntitle: Bu korpus hakkında\nsummary: \"Sentetik bir benchmark korpusu.\"\n---\n"
          "Bu rehber `Benchmarks/gen-corpus.py` ile üretilmiştir (n = %d, seed = %d). Kent adları, ülkeleri ve "
          "yaklaşık koordinatları herkesçe bilinen bilgilerdir; küçük kasabaların adları uydurmadır.\n\n"
          "## Uyarı\n\nBuradaki ortaklıklar, ağlar, tarihler, kişiler ve metinler **gerçek değildir**; hiçbir kentin "
          "gerçek kardeş kent ilişkilerini göstermez.\n\n"
          "This directory is synthetic: the partnerships are invented and say nothing about the real cities.\n"
          % (args.n, args.seed))
    write("content/countries/tr.md",
          "---\ntitle: Türkiye\n---\nBu korpustaki Türk belediyelerinin ortaklıkları sentetiktir.\n")

    networks_of = {}
    for network in networks:
        members = ", ".join(yq(reference(rng, c)) for c in network["members"])
        text = ("---\ntitle: %s\nmodel: %s\nmembers: [%s]\nseat: %s\nfounded: %d\nwebsite: https://example.org/ag/%s/\n"
                % (yq(network["title"]), network["model"], members, yq(reference(rng, network["seat"])),
                   network["founded"], network["slug"]))
        if rng.random() < 0.4:
            text += "organisations: [\"Marmara Belediyeler Birliği\"]\n"
        text += ("---\n%s, %d yılında kurulmuş **sentetik** bir ağdır; %d üyesi vardır. Merkezi [%s](city:%s/%s) "
                 "kentindedir.\n" % (network["title"], network["founded"], len(network["members"]),
                                     display(network["seat"]), network["seat"]["cc"].lower(),
                                     network["seat"]["file_slug"]) if network["seat"]["has_file"]
                 else "---\n%s **sentetik** bir ağdır.\n" % network["title"])
        write("content/networks/%s.md" % network["slug"], text)
        for city in network["members"]:
            networks_of.setdefault(city["index"], []).append(network)

    ctx = dict(model_titles={m[0]: m[1] for m in MODELS}, networks_of=networks_of, previous={})
    used = {}
    body_words = 0
    for p in partnerships:
        head = front_matter(rng, p, p["cities"])
        text = body(rng, p, p["cities"], ctx)
        body_words += len(text.split())
        write("content/partnerships/%s.md" % p["slug"], head + "\n" + text)
        for city in p["cities"]:
            used[city["index"]] = city
            if not p.get("draft"):
                ctx["previous"][city["index"]] = p["slug"]
    for network in networks:
        for city in network["members"] + [network["seat"]]:
            used[city["index"]] = city
    files = 0
    for index in sorted(used):
        city = used[index]
        if city["has_file"]:
            write("content/cities/%s/%s.md" % (city["cc"].lower(), city["file_slug"]), city_file(city))
            files += 1

    degree = {}
    for p in partnerships:
        for city in p["cities"]:
            degree[city["index"]] = degree.get(city["index"], 0) + 1
    top = sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    manifest = dict(
        generator="Benchmarks/gen-corpus.py", version=GENERATOR_VERSION, n=args.n, seed=args.seed, languages=languages,
        partnerships=len(partnerships), cities=len(used), city_files=files,
        countries=len({c["cc"] for c in used.values()}), networks=len(networks),
        models={m[0]: sum(1 for p in partnerships if p["model"] == m[0]) for m in MODELS},
        body_words_mean=round(body_words / len(partnerships), 1),
        non_ascii_city_names=sum(1 for c in used.values() if not c["name"].isascii()),
        top_cities=[["%s, %s" % (cities[i]["name"], cities[i]["cc"]), d] for i, d in top],
        files=write.files, bytes=write.bytes)
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    print("gen-corpus: %d partnerships, %d cities (%d files), %d networks, %d files, %.1f MiB in %.1f s → %s" % (
        len(partnerships), len(used), files, len(networks), write.files, write.bytes / 2 ** 20,
        time.time() - started, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
