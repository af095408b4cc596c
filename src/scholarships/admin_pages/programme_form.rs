//! The programme form, as a form: the call's terms, then its review criteria and its questions as rows
//! (each with its own fields: a kind to choose, a box to tick, choices one per line, each language's
//! label beside the English one). Rows are added, moved up and removed with buttons that send the form
//! back as it is (nothing is saved until "Save"), so it all works without JavaScript.

use super::*;

/// A criterion as typed.
#[derive(Debug, Default, Clone)]
pub(super) struct CriterionRow {
    name: String,
    name_uk: String,
    name_ru: String,
    weight: String,
    description: String,
    description_uk: String,
    description_ru: String,
}

/// A question as typed: choices and their translations one per line.
#[derive(Debug, Default, Clone)]
pub(super) struct QuestionRow {
    label: String,
    label_uk: String,
    label_ru: String,
    kind: String,
    required: bool,
    reviewers_see: bool,
    choices: String,
    choices_uk: String,
    choices_ru: String,
}

impl QuestionRow {
    fn is_blank(&self) -> bool {
        [&self.label, &self.label_uk, &self.label_ru, &self.choices].iter().all(|s| s.trim().is_empty())
    }
}

/// The programme form as typed (kept when it comes back with errors or a row was added).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ProgrammeForm {
    title: String,
    description: String,
    title_ru: String,
    description_ru: String,
    title_uk: String,
    description_uk: String,
    countries: String,
    seats: String,
    offer_days: String,
    stipend_amount: String,
    currency: String,
    opens_at: String,
    closes_at: String,
    deadline: String,
    blind: Option<String>,
    #[serde(skip)]
    course_slugs: Vec<String>,
    #[serde(skip)]
    criteria: Vec<CriterionRow>,
    #[serde(skip)]
    questions: Vec<QuestionRow>,
}

/// What a row button asks for: the form comes back changed, nothing saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowAction {
    AddCriterion,
    RemoveCriterion(usize),
    AddQuestion,
    RemoveQuestion(usize),
    QuestionUp(usize),
}

impl RowAction {
    fn parse(pairs: &[(String, String)]) -> Option<Self> {
        let value = pairs.iter().find(|(k, _)| k == "row").map(|(_, v)| v.as_str())?;
        match value {
            "criterion-add" => return Some(Self::AddCriterion),
            "question-add" => return Some(Self::AddQuestion),
            _ => {}
        }
        let (what, n) = value.rsplit_once('-')?;
        let n = n.parse::<usize>().ok()?;
        match what {
            "criterion-remove" => Some(Self::RemoveCriterion(n)),
            "question-remove" => Some(Self::RemoveQuestion(n)),
            "question-up" => Some(Self::QuestionUp(n)),
            _ => None,
        }
    }

    /// The changed form, and the row to show (its anchor).
    fn apply(self, f: &mut ProgrammeForm) -> String {
        match self {
            Self::AddCriterion => {
                f.criteria.push(CriterionRow { weight: "1".into(), ..Default::default() });
                format!("criterion-{}", f.criteria.len() - 1)
            }
            Self::RemoveCriterion(n) if n < f.criteria.len() => {
                f.criteria.remove(n);
                "criteria".into()
            }
            Self::AddQuestion => {
                f.questions.push(QuestionRow { kind: "short".into(), ..Default::default() });
                format!("question-{}", f.questions.len() - 1)
            }
            Self::RemoveQuestion(n) if n < f.questions.len() => {
                f.questions.remove(n);
                "questions".into()
            }
            Self::QuestionUp(n) if n > 0 && n < f.questions.len() => {
                f.questions.swap(n - 1, n);
                format!("question-{}", n - 1)
            }
            _ => "questions".into(),
        }
    }
}

/// The rows of one kind (`c` or `q`) as posted: `c.0.name`, `q.2.kind`, … in the order of their numbers.
fn rows<'a>(pairs: &'a [(String, String)], prefix: &str) -> BTreeMap<usize, Vec<(&'a str, &'a str)>> {
    let mut found: BTreeMap<usize, Vec<(&str, &str)>> = BTreeMap::new();
    for (key, value) in pairs {
        let Some(rest) = key.strip_prefix(prefix).and_then(|r| r.strip_prefix('.')) else { continue };
        let Some((n, field)) = rest.split_once('.') else { continue };
        if let Ok(n) = n.parse::<usize>()
            && n < 200
        {
            found.entry(n).or_default().push((field, value.as_str()));
        }
    }
    found
}

fn field<'a>(row: &[(&str, &'a str)], name: &str) -> &'a str {
    row.iter().find(|(k, _)| *k == name).map_or("", |(_, v)| v)
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

impl ProgrammeForm {
    /// A new call's form: two example criteria to change, no questions yet.
    pub(super) fn blank(l: Locale) -> Self {
        // The examples' names in English, and in the admin's own language beside them.
        let names = |locale: Locale| -> Vec<(String, String)> {
            t(locale, "admin-criteria-example")
                .lines()
                .filter_map(|line| line.rsplit_once('|'))
                .map(|(name, weight)| (name.trim().to_owned(), weight.trim().to_owned()))
                .collect()
        };
        let own = names(l);
        let criteria = names(Locale::En)
            .into_iter()
            .enumerate()
            .map(|(i, (name, weight))| {
                let translated = own.get(i).map(|(n, _)| n.clone()).filter(|_| l != Locale::En).unwrap_or_default();
                let mut row = CriterionRow { name, weight, ..Default::default() };
                match l {
                    Locale::Uk => row.name_uk = translated,
                    Locale::Ru => row.name_ru = translated,
                    Locale::En => {}
                }
                row
            })
            .collect();
        ProgrammeForm {
            blind: Some("true".into()),
            seats: "10".into(),
            offer_days: crate::scholarships::model::OFFER_DAYS.to_string(),
            criteria,
            ..Default::default()
        }
    }

    /// A stored programme, as its form shows it for editing.
    pub(super) fn of(p: &Programme) -> Self {
        let text = |l: Locale| {
            p.texts.get(&l).cloned().unwrap_or(ProgrammeText { title: String::new(), description: String::new() })
        };
        let (uk, ru) = (text(Locale::Uk), text(Locale::Ru));
        ProgrammeForm {
            title: p.title.clone(),
            description: p.description.clone(),
            title_ru: ru.title,
            description_ru: ru.description,
            title_uk: uk.title,
            description_uk: uk.description,
            countries: p.countries.join(", "),
            seats: p.seats.to_string(),
            offer_days: p.offer_days.to_string(),
            stipend_amount: p.stipend_cents.map(plain_money).unwrap_or_default(),
            currency: p.currency.clone().unwrap_or_default(),
            opens_at: p.opens_at.format("%Y-%m-%dT%H:%M").to_string(),
            closes_at: p.closes_at.format("%Y-%m-%dT%H:%M").to_string(),
            deadline: p.deadline.format("%Y-%m-%dT%H:%M").to_string(),
            blind: p.blind.then(|| "true".to_owned()),
            course_slugs: p.course_slugs.clone(),
            criteria: p
                .criteria
                .iter()
                .map(|c| {
                    let words = |code: &str| c.texts.get(code).cloned().unwrap_or_default();
                    let (uk, ru) = (words("uk"), words("ru"));
                    CriterionRow {
                        name: c.name.clone(),
                        name_uk: uk.name,
                        name_ru: ru.name,
                        weight: c.weight.to_string(),
                        description: c.description.clone(),
                        description_uk: uk.description,
                        description_ru: ru.description,
                    }
                })
                .collect(),
            questions: p
                .questions
                .iter()
                .map(|q| QuestionRow {
                    label: q.label.clone(),
                    label_uk: q.labels.get("uk").cloned().unwrap_or_default(),
                    label_ru: q.labels.get("ru").cloned().unwrap_or_default(),
                    kind: q.kind.code().to_owned(),
                    required: q.required,
                    reviewers_see: q.reviewers_see,
                    choices: q.choices.join("\n"),
                    choices_uk: q.choice_labels.get("uk").map(|c| c.join("\n")).unwrap_or_default(),
                    choices_ru: q.choice_labels.get("ru").map(|c| c.join("\n")).unwrap_or_default(),
                })
                .collect(),
        }
    }

    pub(super) fn from_pairs(pairs: &[(String, String)]) -> Self {
        let plain: Vec<_> = pairs.iter().filter(|(k, _)| !k.contains('.') && k != "course" && k != "row").collect();
        let mut form: ProgrammeForm =
            serde_urlencoded::from_str(&serde_urlencoded::to_string(plain).unwrap_or_default()).unwrap_or_default();
        form.course_slugs = pairs.iter().filter(|(k, _)| k == "course").map(|(_, v)| v.clone()).collect();
        form.criteria = rows(pairs, "c")
            .into_values()
            .map(|r| CriterionRow {
                name: field(&r, "name").to_owned(),
                name_uk: field(&r, "name_uk").to_owned(),
                name_ru: field(&r, "name_ru").to_owned(),
                weight: field(&r, "weight").to_owned(),
                description: field(&r, "description").to_owned(),
                description_uk: field(&r, "description_uk").to_owned(),
                description_ru: field(&r, "description_ru").to_owned(),
            })
            .collect();
        form.questions = rows(pairs, "q")
            .into_values()
            .map(|r| QuestionRow {
                label: field(&r, "label").to_owned(),
                label_uk: field(&r, "label_uk").to_owned(),
                label_ru: field(&r, "label_ru").to_owned(),
                kind: field(&r, "kind").to_owned(),
                required: !field(&r, "required").is_empty(),
                reviewers_see: !field(&r, "reviewers_see").is_empty(),
                choices: field(&r, "choices").to_owned(),
                choices_uk: field(&r, "choices_uk").to_owned(),
                choices_ru: field(&r, "choices_ru").to_owned(),
            })
            .collect();
        form
    }

    /// The form as the API's input (rows left wholly blank are not questions or criteria).
    fn input(&self) -> Result<ProgrammeInput, AppError> {
        let criteria = self
            .criteria
            .iter()
            .filter(|c| !(c.name.trim().is_empty() && c.description.trim().is_empty()))
            .map(|c| CriterionInput {
                name: c.name.clone(),
                // A weight that is not a number is out of range, so the form says so.
                weight: Some(c.weight.trim().parse::<i64>().unwrap_or(0)),
                description: c.description.clone(),
                texts: [("uk", &c.name_uk, &c.description_uk), ("ru", &c.name_ru, &c.description_ru)]
                    .into_iter()
                    .map(|(code, name, description)| {
                        (code.to_owned(), CriterionText { name: name.clone(), description: description.clone() })
                    })
                    .collect(),
            })
            .collect();
        let questions = self
            .questions
            .iter()
            .filter(|q| !q.is_blank())
            .map(|q| {
                let single = q.kind == "single";
                let mut labels = BTreeMap::new();
                let mut choice_labels = BTreeMap::new();
                for (code, label, choices) in [("uk", &q.label_uk, &q.choices_uk), ("ru", &q.label_ru, &q.choices_ru)] {
                    if !label.trim().is_empty() {
                        labels.insert(code.to_owned(), label.trim().to_owned());
                    }
                    if single && !lines(choices).is_empty() {
                        choice_labels.insert(code.to_owned(), lines(choices));
                    }
                }
                QuestionInput {
                    label: q.label.trim().to_owned(),
                    kind: q.kind.clone(),
                    required: q.required,
                    choices: if single { lines(&q.choices) } else { Vec::new() },
                    labels,
                    choice_labels,
                    reviewers_see: q.reviewers_see,
                }
            })
            .collect();
        let mut texts = BTreeMap::new();
        for (code, title, description) in
            [("ru", &self.title_ru, &self.description_ru), ("uk", &self.title_uk, &self.description_uk)]
        {
            if !title.trim().is_empty() {
                texts.insert(code.to_owned(), ProgrammeText { title: title.clone(), description: description.clone() });
            }
        }
        let number = |field: &str, raw: &str| -> Result<Option<f64>, AppError> {
            let raw = raw.trim().replace(',', ".");
            if raw.is_empty() {
                return Ok(None);
            }
            raw.parse::<f64>().map(Some).map_err(|_| AppError::field(field, Msg::new("error-amount")))
        };
        let whole = |raw: &str| match raw.trim() {
            "" => None,
            s => Some(s.parse::<i64>().unwrap_or(0)),
        };
        Ok(ProgrammeInput {
            title: self.title.clone(),
            description: self.description.clone(),
            texts,
            countries: self
                .countries
                .split([',', ' ', ';'])
                .filter(|c| !c.trim().is_empty())
                .map(str::to_owned)
                .collect(),
            seats: whole(&self.seats),
            stipend_amount: number("stipend_amount", &self.stipend_amount)?,
            currency: Some(self.currency.clone()),
            opens_at: self.opens_at.clone(),
            closes_at: self.closes_at.clone(),
            deadline: self.deadline.clone(),
            course_slugs: self.course_slugs.clone(),
            criteria,
            questions,
            blind: Some(self.blind.is_some()),
            offer_days: whole(&self.offer_days),
        })
    }
}

pub(super) async fn new_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let form = ProgrammeForm::blank(viewer.locale);
    programme_form(&state, &viewer, &req, &form, &Problems::default(), None).await
}

pub(super) async fn create(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let mut typed = ProgrammeForm::from_pairs(&form.0);
    if let Some(action) = RowAction::parse(&form.0) {
        let anchor = action.apply(&mut typed);
        return rows_changed(&state, &viewer, &req, &typed, None, &anchor).await;
    }
    let result = match typed.input() {
        Ok(input) => crate::scholarships::create_programme(&state.db, user, input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(see_other(&format!("/admin/programmes/{id}?done=created"))),
        Err(e) => programme_form(&state, &viewer, &req, &typed, &Problems::from_error(e)?, None).await,
    }
}

pub(super) async fn edit_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let p = crate::scholarships::programme(&state.db, &path).await?;
    programme_form(&state, &viewer, &req, &ProgrammeForm::of(&p), &Problems::default(), Some(&p)).await
}

pub(super) async fn edit(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let p = crate::scholarships::programme(&state.db, &path).await?;
    let mut typed = ProgrammeForm::from_pairs(&form.0);
    if let Some(action) = RowAction::parse(&form.0) {
        let anchor = action.apply(&mut typed);
        return rows_changed(&state, &viewer, &req, &typed, Some(&p), &anchor).await;
    }
    let result = match typed.input() {
        Ok(input) => crate::scholarships::update_programme(&state.db, user, &p.id, Ok(input)).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/admin/programmes/{}?done=updated", p.id))),
        Err(e) => programme_form(&state, &viewer, &req, &typed, &Problems::from_error(e)?, Some(&p)).await,
    }
}

/// The form again after a row button, saying that nothing is saved yet, with the changed row in view.
async fn rows_changed(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    f: &ProgrammeForm,
    editing: Option<&Programme>,
    anchor: &str,
) -> Result<HttpResponse, AppError> {
    actix_web::HttpMessage::extensions_mut(req).insert(RowInView(anchor.to_owned()));
    programme_form(state, viewer, req, f, &Problems::default(), editing).await
}

/// The row a row button changed: the page scrolls to it and says nothing is saved yet.
#[derive(Clone)]
struct RowInView(String);

/// The programme form: a new programme, or `editing` one.
async fn programme_form(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    f: &ProgrammeForm,
    problems: &Problems,
    editing: Option<&Programme>,
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let action =
        editing.map(|p| format!("/admin/programmes/{}/edit", p.id)).unwrap_or_else(|| "/admin/programmes/new".into());
    let courses = crate::scholarships::all_courses(&state.db, l).await?;
    let course_errors = problems.fields.get("course_slugs");
    let in_view = actix_web::HttpMessage::extensions(req).get::<RowInView>().map(|r| r.0.clone());
    let save = t(l, if editing.is_some() { "admin-programme-save" } else { "admin-programme-create" });
    let body = html! {
        (form_problem(l, problems))
        @if let Some(p) = editing { p.breadcrumb { a href=(format!("/admin/programmes/{}", p.id)) { (p.text(l).title) } } }
        @if let Some(anchor) = &in_view {
            p.notice role="status" { (t(l, "admin-rows-not-saved")) " " a href=(format!("#{anchor}")) { (t(l, "admin-rows-see")) } }
        }
        form.stack.programme method="post" action=(action) novalidate {
            (csrf_field(&viewer.csrf_token))
            // Enter in a field presses the form's first button: let it save, not remove or move a row.
            button.visually-hidden type="submit" tabindex="-1" aria-hidden="true" { (save) }
            (Input::new("title", t(l, "admin-programme-title")).value(&f.title).required().render(l, problems))
            (textarea(l, problems, "description", &t(l, "admin-programme-description"), Some(&t(l, "admin-programme-description-hint")), &f.description, true))
            fieldset {
                legend { (t(l, "admin-programme-translations")) }
                (Input::new("title_uk", t(l, "admin-programme-title-uk")).value(&f.title_uk).render(l, problems))
                (textarea(l, problems, "description_uk", &t(l, "admin-programme-description-uk"), None, &f.description_uk, false))
                (Input::new("title_ru", t(l, "admin-programme-title-ru")).value(&f.title_ru).render(l, problems))
                (textarea(l, problems, "description_ru", &t(l, "admin-programme-description-ru"), None, &f.description_ru, false))
            }
            (Input::new("countries", t(l, "admin-programme-countries")).value(&f.countries).hint(t(l, "admin-programme-countries-hint")).render(l, problems))
            (Input::new("seats", t(l, "programme-places")).kind("number").value(&f.seats).required().render(l, problems))
            (Input::new("offer_days", t(l, "admin-programme-offer-days")).kind("number").value(&f.offer_days).hint(t(l, "admin-programme-offer-days-hint")).required().render(l, problems))
            (Input::new("stipend_amount", t(l, "admin-programme-stipend")).value(&f.stipend_amount).hint(t(l, "admin-programme-stipend-hint")).render(l, problems))
            (Input::new("currency", t(l, "admin-programme-currency")).value(&f.currency).hint(t(l, "error-currency")).render(l, problems))
            (Input::new("opens_at", t(l, "admin-programme-opens")).kind("datetime-local").value(&f.opens_at).hint(t(l, "admin-programme-utc")).required().render(l, problems))
            (Input::new("closes_at", t(l, "admin-programme-closes")).kind("datetime-local").value(&f.closes_at).hint(t(l, "admin-programme-utc")).required().render(l, problems))
            (Input::new("deadline", t(l, "programme-deadline")).kind("datetime-local").value(&f.deadline).hint(t(l, "admin-programme-utc")).required().render(l, problems))
            fieldset.invalid[course_errors.is_some()] {
                legend { (t(l, "programme-track")) }
                @if let Some(errors) = course_errors { ul.field-errors { @for e in errors { li { (e.text(l)) } } } }
                ul.choices { @for (slug, title) in &courses { li { label {
                    input type="checkbox" name="course" value=(slug) checked[f.course_slugs.contains(slug)];
                    span { (title) " " span.meta { "(" (slug) ")" } }
                } } } }
            }
            (criteria_rows(l, problems, &f.criteria))
            div.field.check { label {
                input type="checkbox" name="blind" value="true" checked[f.blind.is_some()];
                " " (t(l, "admin-programme-blind"))
            } }
            (question_rows(l, problems, &f.questions))
            button.primary type="submit" { (save) }
        }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let title = t(l, if editing.is_some() { "admin-programme-edit" } else { "admin-programme-new" });
    Ok(page_response(state, viewer, req, status, &title, body))
}

/// The errors of a whole list of rows (`criteria`, `questions`), as the error summary links to them.
fn list_errors(l: Locale, problems: &Problems, name: &str) -> Markup {
    html! {
        @if let Some(errors) = problems.fields.get(name) {
            ul.field-errors id=(format!("f-{name}-error")) { @for e in errors { li { (e.text(l)) } } }
        }
    }
}

fn criteria_rows(l: Locale, problems: &Problems, rows: &[CriterionRow]) -> Markup {
    html! {
        fieldset.rows.invalid[problems.fields.contains_key("criteria")] #criteria {
            legend #f-criteria tabindex="-1" { (t(l, "admin-programme-criteria")) }
            p.hint { (t(l, "admin-criteria-rows-hint")) }
            (list_errors(l, problems, "criteria"))
            @for (i, c) in rows.iter().enumerate() {
                fieldset.row #(format!("criterion-{i}")) {
                    legend { (t_with(l, "admin-criterion-n", &[("n", Arg::Number(i as i64 + 1))])) }
                    div.row-fields {
                        (Input::new(&format!("c.{i}.name"), t(l, "admin-criterion-name")).value(&c.name).render(l, problems))
                        (Input::new(&format!("c.{i}.name_uk"), t(l, "admin-question-label-uk")).value(&c.name_uk).render(l, problems))
                        (Input::new(&format!("c.{i}.name_ru"), t(l, "admin-question-label-ru")).value(&c.name_ru).render(l, problems))
                    }
                    (Input::new(&format!("c.{i}.weight"), t(l, "admin-criterion-weight")).kind("number").value(&c.weight).render(l, problems))
                    p.hint { (t(l, "admin-criterion-description-hint")) }
                    div.row-fields {
                        (textarea(l, problems, &format!("c.{i}.description"), &t(l, "admin-criterion-description"), None, &c.description, false))
                        (textarea(l, problems, &format!("c.{i}.description_uk"), &t(l, "admin-question-label-uk"), None, &c.description_uk, false))
                        (textarea(l, problems, &format!("c.{i}.description_ru"), &t(l, "admin-question-label-ru"), None, &c.description_ru, false))
                    }
                    button.small type="submit" name="row" value=(format!("criterion-remove-{i}")) { (t(l, "admin-row-remove")) }
                }
            }
            button type="submit" name="row" value="criterion-add" { (t(l, "admin-criterion-add")) }
        }
    }
}

fn question_rows(l: Locale, problems: &Problems, rows: &[QuestionRow]) -> Markup {
    let kinds =
        [("short", "admin-question-short"), ("long", "admin-question-long"), ("single", "admin-question-single")];
    html! {
        fieldset.rows.invalid[problems.fields.contains_key("questions")] #questions {
            legend #f-questions tabindex="-1" { (t(l, "admin-programme-questions")) }
            p.hint { (t(l, "admin-questions-rows-hint")) }
            (list_errors(l, problems, "questions"))
            @if rows.is_empty() { p { (t(l, "admin-questions-none")) } }
            @for (i, q) in rows.iter().enumerate() {
                fieldset.row #(format!("question-{i}")) {
                    legend { (t_with(l, "admin-question-n", &[("n", Arg::Number(i as i64 + 1))])) }
                    div.row-fields {
                        (Input::new(&format!("q.{i}.label"), t(l, "admin-question-label")).value(&q.label).render(l, problems))
                        (Input::new(&format!("q.{i}.label_uk"), t(l, "admin-question-label-uk")).value(&q.label_uk).render(l, problems))
                        (Input::new(&format!("q.{i}.label_ru"), t(l, "admin-question-label-ru")).value(&q.label_ru).render(l, problems))
                    }
                    (field_with(l, problems, &format!("q.{i}.kind"), &t(l, "admin-question-kind"), None, |id, described| html! {
                        select id=(id) name=(format!("q.{i}.kind")) aria-describedby=[described] {
                            @for (value, label) in kinds { option value=(value) selected[q.kind == value] { (t(l, label)) } }
                        }
                    }))
                    div.field.check { label {
                        input type="checkbox" name=(format!("q.{i}.required")) value="true" checked[q.required];
                        " " (t(l, "admin-question-required"))
                    } }
                    div.field.check { label {
                        input type="checkbox" name=(format!("q.{i}.reviewers_see")) value="true" checked[q.reviewers_see];
                        " " (t(l, "admin-question-reviewers-see"))
                    } }
                    div.row-fields {
                        (textarea(l, problems, &format!("q.{i}.choices"), &t(l, "admin-question-choices"), Some(&t(l, "admin-question-choices-hint")), &q.choices, false))
                        (textarea(l, problems, &format!("q.{i}.choices_uk"), &t(l, "admin-question-choices-uk"), None, &q.choices_uk, false))
                        (textarea(l, problems, &format!("q.{i}.choices_ru"), &t(l, "admin-question-choices-ru"), None, &q.choices_ru, false))
                    }
                    div.actions {
                        @if i > 0 { button.small type="submit" name="row" value=(format!("question-up-{i}")) { (t(l, "admin-row-up")) } }
                        button.small type="submit" name="row" value=(format!("question-remove-{i}")) { (t(l, "admin-row-remove")) }
                    }
                }
            }
            button type="submit" name="row" value="question-add" { (t(l, "admin-question-add")) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ProgrammeForm, RowAction};

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
    }

    #[test]
    fn rows_read_as_questions_and_criteria_in_their_order() {
        let posted = pairs(&[
            ("c.1.name", "Experience"),
            ("c.1.weight", "x"),
            ("c.0.name", "Need | urgency"),
            ("c.0.weight", "2"),
            ("c.0.description", "1: little; 5: a great deal"),
            ("c.0.name_ru", "Потребность"),
            ("q.0.label", "Either | or?"),
            ("q.0.kind", "short"),
            ("q.0.choices", "ignored for a short answer"),
            ("q.1.label", ""),
            ("q.1.kind", "long"),
            ("q.2.label", "Pick one"),
            ("q.2.label_uk", "Оберіть"),
            ("q.2.kind", "single"),
            ("q.2.required", "true"),
            ("q.2.choices", "A\n\n B \n"),
            ("q.2.choices_uk", "А\nБ"),
        ]);
        let input = ProgrammeForm::from_pairs(&posted).input().expect("the form reads");
        assert_eq!((input.criteria[0].name.as_str(), input.criteria[0].weight), ("Need | urgency", Some(2)));
        assert_eq!(input.criteria[0].description, "1: little; 5: a great deal");
        assert_eq!(input.criteria[0].texts.get("ru").map(|t| t.name.as_str()), Some("Потребность"));
        assert_eq!(input.criteria[1].weight, Some(0), "a weight that is not a number is refused, not guessed");
        assert_eq!(input.questions.len(), 2, "a blank row is not a question");
        assert_eq!(input.questions[0].label, "Either | or?");
        assert!(input.questions[0].choices.is_empty() && !input.questions[0].required);
        assert_eq!(input.questions[1].choices, ["A", "B"]);
        assert!(input.questions[1].required);
        assert_eq!(input.questions[1].labels.get("uk").map(String::as_str), Some("Оберіть"));
        assert_eq!(input.questions[1].choice_labels.get("uk"), Some(&vec!["А".to_owned(), "Б".to_owned()]));
    }

    #[test]
    fn row_buttons_change_the_form_only() {
        let posted = pairs(&[("q.0.label", "First"), ("q.1.label", "Second"), ("row", "question-up-1")]);
        let mut form = ProgrammeForm::from_pairs(&posted);
        let action = RowAction::parse(&posted).expect("a row button");
        assert_eq!(action.apply(&mut form), "question-0");
        assert_eq!(form.questions[0].label, "Second");
        assert_eq!(RowAction::parse(&pairs(&[("row", "question-remove-x")])), None);
        assert_eq!(RowAction::parse(&pairs(&[("row", "criterion-add")])), Some(RowAction::AddCriterion));
        // Out of range: nothing moves.
        let mut same = ProgrammeForm::from_pairs(&posted);
        RowAction::RemoveQuestion(9).apply(&mut same);
        RowAction::QuestionUp(0).apply(&mut same);
        assert_eq!(same.questions.len(), 2);
        assert_eq!(same.questions[0].label, "First");
    }
}
