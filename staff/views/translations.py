"""Translations of listing text: coverage per locale, the work left in one, and editing a school's."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as L_

from app.i18n import LOCALES, own_name
from catalog.csvformat import FREE_TEXT_FIELDS, parse_text
from catalog.labels import current as current_labels
from catalog.queries import get_school
from catalog.services import set_translation
from staff import translations
from staff.views import OFFICE_ROLES, actor, roles_required, staff

TARGET_LOCALES = tuple(locale for locale in LOCALES if locale != "en")
FIELD_LABELS = {"summary": L_("Summary"), "how_to_apply": L_("How to apply")}
TRANSLATING_ROLES = (*OFFICE_ROLES, "translator")


def _target_or_404(locale: str) -> str:
    if locale not in TARGET_LOCALES:
        abort(404)
    return locale


@staff.get("/translations")
@roles_required(*TRANSLATING_ROLES)
def translation_coverage():
    """How much of the schools' English text each language has, and how much went stale."""
    return render_template(
        "staff/translations.html", coverage=translations.coverage(TARGET_LOCALES), names={c: own_name(c) for c in TARGET_LOCALES}
    )


@staff.get("/translations/<locale>")
@roles_required(*TRANSLATING_ROLES)
def translation_queue(locale: str):
    """The texts of one language still to translate: stale ones first."""
    work, total = translations.to_do(_target_or_404(locale))
    return render_template(
        "staff/translation_queue.html", work=work, total=total, target=locale, target_name=own_name(locale), field_labels=FIELD_LABELS
    )


@staff.route("/schools/<school_id>/translations", methods=["GET"], defaults={"locale": None})
@staff.route("/schools/<school_id>/translations/<locale>", methods=["GET", "POST"])
@roles_required(*TRANSLATING_ROLES)
def translate_school(school_id: str, locale: str | None):
    """A school's summary and how-to-apply in one language, beside the English they translate."""
    if locale is None:
        return redirect(url_for("staff.translate_school", school_id=school_id, locale=request.args.get("locale") or "es"))
    _target_or_404(locale)
    school = get_school(school_id)
    if school is None:
        abort(404)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        labels = current_labels()
        for name in FREE_TEXT_FIELDS:
            row = {"id": school_id, "field": name, "locale": locale, "text": request.form.get(name, "")}
            record, problems = parse_text(1, row, TARGET_LOCALES)  # the importer's rules for a translation row
            if record is None:
                errors[name] = [labels.problem(p) for p in problems]
        if not errors:
            changed = [set_translation(school_id, name, locale, request.form.get(name, ""), actor()) for name in FREE_TEXT_FIELDS]
            return redirect(
                url_for("staff.translate_school", school_id=school_id, locale=locale, done="saved" if any(changed) else "unchanged")
            )
    fields = translations.texts_of(school, locale)
    posted = {name: request.form.get(name, "") for name in FREE_TEXT_FIELDS} if request.method == "POST" else {}
    return render_template(
        "staff/translate.html",
        school=school,
        target=locale,
        target_name=own_name(locale),
        targets=[(c, own_name(c)) for c in TARGET_LOCALES],
        fields=fields,
        posted=posted,
        errors=errors,
        field_labels=FIELD_LABELS,
        done=request.args.get("done", ""),
    ), 400 if errors else 200
