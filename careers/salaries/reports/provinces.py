"""Türkiye's 81 provinces with their licence-plate codes and İBBS-1 regions (the statistical
regions of TÜİK's NUTS-1 classification, "İstatistiki Bölge Birimleri Sınıflandırması").

Copied from the project's reference file ``shared/data/iller.csv`` (columns ``plaka, il,
ibbs1_kod, ibbs1_bolge``; the file lives outside this repository), 81 rows and 12 regions as
given there. Why a data module and not a table: the list is fixed by law (a new province takes a
law, then a migration of this file), the report form and every page read it without a query,
and a report keeps only the plate code (``Report.province``).
"""

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Region:
    code: str  # "TR5"
    name: str  # "Batı Anadolu"


@dataclass(frozen=True)
class Province:
    plate: int  # 6
    name: str  # "Ankara"
    region: Region


REGIONS = {
    "TR1": Region("TR1", "İstanbul"),
    "TR2": Region("TR2", "Batı Marmara"),
    "TR3": Region("TR3", "Ege"),
    "TR4": Region("TR4", "Doğu Marmara"),
    "TR5": Region("TR5", "Batı Anadolu"),
    "TR6": Region("TR6", "Akdeniz"),
    "TR7": Region("TR7", "Orta Anadolu"),
    "TR8": Region("TR8", "Batı Karadeniz"),
    "TR9": Region("TR9", "Doğu Karadeniz"),
    "TRA": Region("TRA", "Kuzeydoğu Anadolu"),
    "TRB": Region("TRB", "Ortadoğu Anadolu"),
    "TRC": Region("TRC", "Güneydoğu Anadolu"),
}

_ROWS = (
    (1, "Adana", "TR6"),
    (2, "Adıyaman", "TRC"),
    (3, "Afyonkarahisar", "TR3"),
    (4, "Ağrı", "TRA"),
    (5, "Amasya", "TR8"),
    (6, "Ankara", "TR5"),
    (7, "Antalya", "TR6"),
    (8, "Artvin", "TR9"),
    (9, "Aydın", "TR3"),
    (10, "Balıkesir", "TR2"),
    (11, "Bilecik", "TR4"),
    (12, "Bingöl", "TRB"),
    (13, "Bitlis", "TRB"),
    (14, "Bolu", "TR4"),
    (15, "Burdur", "TR6"),
    (16, "Bursa", "TR4"),
    (17, "Çanakkale", "TR2"),
    (18, "Çankırı", "TR8"),
    (19, "Çorum", "TR8"),
    (20, "Denizli", "TR3"),
    (21, "Diyarbakır", "TRC"),
    (22, "Edirne", "TR2"),
    (23, "Elazığ", "TRB"),
    (24, "Erzincan", "TRA"),
    (25, "Erzurum", "TRA"),
    (26, "Eskişehir", "TR4"),
    (27, "Gaziantep", "TRC"),
    (28, "Giresun", "TR9"),
    (29, "Gümüşhane", "TR9"),
    (30, "Hakkari", "TRB"),
    (31, "Hatay", "TR6"),
    (32, "Isparta", "TR6"),
    (33, "Mersin", "TR6"),
    (34, "İstanbul", "TR1"),
    (35, "İzmir", "TR3"),
    (36, "Kars", "TRA"),
    (37, "Kastamonu", "TR8"),
    (38, "Kayseri", "TR7"),
    (39, "Kırklareli", "TR2"),
    (40, "Kırşehir", "TR7"),
    (41, "Kocaeli", "TR4"),
    (42, "Konya", "TR5"),
    (43, "Kütahya", "TR3"),
    (44, "Malatya", "TRB"),
    (45, "Manisa", "TR3"),
    (46, "Kahramanmaraş", "TR6"),
    (47, "Mardin", "TRC"),
    (48, "Muğla", "TR3"),
    (49, "Muş", "TRB"),
    (50, "Nevşehir", "TR7"),
    (51, "Niğde", "TR7"),
    (52, "Ordu", "TR9"),
    (53, "Rize", "TR9"),
    (54, "Sakarya", "TR4"),
    (55, "Samsun", "TR8"),
    (56, "Siirt", "TRC"),
    (57, "Sinop", "TR8"),
    (58, "Sivas", "TR7"),
    (59, "Tekirdağ", "TR2"),
    (60, "Tokat", "TR8"),
    (61, "Trabzon", "TR9"),
    (62, "Tunceli", "TRB"),
    (63, "Şanlıurfa", "TRC"),
    (64, "Uşak", "TR3"),
    (65, "Van", "TRB"),
    (66, "Yozgat", "TR7"),
    (67, "Zonguldak", "TR8"),
    (68, "Aksaray", "TR7"),
    (69, "Bayburt", "TRA"),
    (70, "Karaman", "TR5"),
    (71, "Kırıkkale", "TR7"),
    (72, "Batman", "TRC"),
    (73, "Şırnak", "TRC"),
    (74, "Bartın", "TR8"),
    (75, "Ardahan", "TRA"),
    (76, "Iğdır", "TRA"),
    (77, "Yalova", "TR4"),
    (78, "Karabük", "TR8"),
    (79, "Kilis", "TRC"),
    (80, "Osmaniye", "TR6"),
    (81, "Düzce", "TR4"),
)  # fmt: skip

#: plate code -> Province, in plate order.
PROVINCES = {plate: Province(plate, name, REGIONS[code]) for plate, name, code in _ROWS}


def get(plate):
    """The province with this plate code, or None."""
    return PROVINCES.get(plate)


@cache
def alphabetical():
    """The provinces in Turkish alphabetical order (the form's list)."""
    from careers import turkish

    return sorted(PROVINCES.values(), key=lambda p: turkish.sort_key(p.name))


def choices():
    """``(plate, name)`` pairs in Turkish alphabetical order, for a model field or a form."""
    return [(p.plate, p.name) for p in alphabetical()]


def region_choices():
    return [(region.code, region.name) for region in REGIONS.values()]
