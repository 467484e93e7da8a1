"""The controlled vocabulary of the catalog: codes, and the English msgids of their labels.

Pure: labels are marked with `N_` for extraction and translated where they are shown
(`catalog.labels`), so this module imports nothing of Flask.
"""


def N_(message: str) -> str:
    """Mark a message for translation without translating it here."""
    return message


def Np_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 — gettext's marker style
    """Mark a message with plural forms for translation (`ngettext`), without translating it here."""
    return singular, plural


def Nc_(context: str, message: str) -> tuple[str, str]:  # noqa: N802 — gettext's marker style
    """Mark a message with its context for translation (`pgettext`), without translating it here."""
    return context, message


SECTORS = {"district": N_("District"), "charter": N_("Charter")}
# A text's list of schools: a word each, as short as the language allows ("District", "Charter").
SECTORS_SHORT = {"district": Nc_("sector in a list of schools", "District"), "charter": Nc_("sector in a list of schools", "Charter")}

SPED_PROGRAMS = {
    "inclusion": N_("Inclusion classrooms"),
    "resource": N_("Resource room"),
    "self_contained": N_("Self-contained classes"),
    "autism": N_("Autism program"),
    "deaf_hard_of_hearing": N_("Deaf and hard of hearing program"),
    "visual_impairment": N_("Visual impairment program"),
    "significant_support": N_("Intensive support program"),
    "early_childhood": N_("Early childhood special education"),
    "special_school": N_("Special education school"),
}

ELL_PROGRAMS = {
    "esl": N_("English as a second language"),
    "newcomer": N_("Newcomer program"),
    "dual_language": N_("Dual language"),
    "transitional_bilingual": N_("Transitional bilingual"),
    "bilingual_services": N_("Bilingual services"),
    "refugee_services": N_("Refugee services"),
}
# Programs that are taught in a second language name it: "dual_language:es".
ELL_NEEDS_LANGUAGE = frozenset({"dual_language", "transitional_bilingual"})

WORLD_LANGUAGE = "world_language"
WORLD_LANGUAGE_LABEL = N_("World language")

# kind → the codes of that kind; world languages are one code with a language.
PROGRAM_KINDS = {
    "sped": SPED_PROGRAMS,
    "ell": ELL_PROGRAMS,
    "world_language": {WORLD_LANGUAGE: WORLD_LANGUAGE_LABEL},
}
PROGRAM_CODES = {code: kind for kind, codes in PROGRAM_KINDS.items() for code in codes}

# Family-facing needs, each mapped onto catalog facts (see `catalog.csvformat.needs_of`).
NEEDS = {
    "sped": N_("Special education"),
    "ell": N_("English learner support"),
    "dual_language": N_("Dual language"),
    "bus": N_("School bus"),
    "transit": N_("Public transit"),
    "accessible": N_("Wheelchair accessible"),
}

ACCESSIBILITY = {
    "full": N_("Fully wheelchair accessible"),
    "partial": N_("Partly wheelchair accessible"),
    "none": N_("Not wheelchair accessible"),
    "unknown": N_("Accessibility not known"),
}

SCHOOL_BUS = {
    "yes": N_("School bus"),
    "conditional": N_("School bus for some students"),
    "no": N_("No school bus"),
    "unknown": N_("School bus not known"),
}

# Grades are integers: PK = -1, K = 0, 1..12.
GRADE_CODES = {-1: "PK", 0: "K", **{n: str(n) for n in range(1, 13)}}
GRADE_BY_CODE = {code: n for n, code in GRADE_CODES.items()}
GRADE_LABELS = {-1: N_("Pre-K"), 0: N_("Kindergarten")}
# A text's list of schools says a school's grades as "PK–8", "K–5, 9–12": grades 1–12 are their numbers.
GRADE_LABELS_SHORT = {-1: Nc_("grade in a list of schools", "PK"), 0: Nc_("grade in a list of schools", "K")}
GRADES = tuple(GRADE_CODES)


def grade_bit(grade: int) -> int:
    """Return a grade's bit in a set of grades kept as one integer (PK is bit 0, K bit 1, …)."""
    return 1 << (grade + 1)


def grade_mask(grades) -> int:
    """Return a set of grades as one integer, as the `school.grades_offered` column keeps it."""
    mask = 0
    for grade in grades:
        mask |= grade_bit(grade)
    return mask


def grades_of_mask(mask: int) -> tuple[int, ...]:
    """Return the grades a `grades_offered` integer holds, lowest first."""
    return tuple(grade for grade in GRADES if mask & grade_bit(grade))


# A service fact is offered, not offered, or not stated: "not stated" is never read as "no".
OFFERED, NOT_OFFERED, NOT_STATED = "offered", "not_offered", "not_stated"


def need_bit(need: str) -> int:
    """Return a need's bit in the `school.needs_not_stated` integer."""
    return 1 << list(NEEDS).index(need)
