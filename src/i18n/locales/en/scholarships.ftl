## Scholarship programmes: errors

error-required = Please fill this in.
error-choice = Choose one of the options given.
error-country = “{ $value }” is not a two-letter country code (ISO 3166-1), such as UA or KZ.
error-country-not-eligible = This programme is not open to applicants from this country.
error-number-range = A whole number from { $min } to { $max }, please.
error-amount = An amount from 0 upwards, please.
error-currency = A three-letter currency code, such as EUR or USD.
error-date = A date such as 2027-03-01, please.
error-closes-before-opens = The window must close after it opens.
error-deadline-before-close = The completion deadline must come after the window closes.
error-course-unknown = No course with this address: { $slugs }.
error-criterion-name = Line { $row }: each criterion needs a name.
error-criterion-weight = Line { $row }: a weight is a whole number from 1 to 100.
error-question-label = Line { $row }: each question needs a label (at most 300 characters).
error-question-kind = Line { $row }: the kind is short, long or single.
error-question-choices = Line { $row }: a single-choice question needs at least two choices.
error-question-unknown = This programme has no such question.
error-language = Texts can be given in en, ru and uk.
error-consent = Please confirm that you agree to how your answers will be used.
error-window-closed = Applications for this programme are not open now.
error-already-submitted = Your application has already been sent.
error-withdraw-awarded = An awarded place cannot be withdrawn; decline it instead.
error-score-1-5 = A score from 1 to 5.
error-criterion-unknown = This programme has no such criterion.
error-application-answered = The applicant has answered this offer (accepted or declined the place); no decision can change it now.
error-not-submitted = This application has not been sent yet.
error-seats-full = All { $seats } places are taken. Free one (a decline or a revoked award) before awarding another.
error-reviewer-applicant = { $handle } has applied to this call and so cannot review it: a reviewer reads the other applications. Choose another reviewer.
error-waitlist-empty = Nobody is on the waitlist.
error-no-award = There is no award to answer.
error-decision = The decision is award, waitlist or reject.
error-csv-encoding = The file must be UTF-8 text.
csv-duplicate = The same handle as line { $row }.
csv-unknown-handle = No account with the handle “{ $handle }”.
csv-empty = The file holds no handles.

## Email (no subject or body names the programme or its topic)

mail-subject-application = News about your application
mail-application-received = We have received your application. You can read what you sent, and follow its status, here:
mail-application-awarded = Good news: you have been offered a place. Please accept or decline it here:
mail-application-waitlisted = Your application is on the waitlist. If a place becomes free, you will hear from us. Its status is here:
mail-application-rejected = We are sorry: this time we cannot offer you a place. Thank you for applying. Its status is here:
mail-nudge = The programme's team would like to know how you are getting on. When you are ready, your courses are waiting here:

## Countries the pages know by name

country-am = Armenia
country-az = Azerbaijan
country-by = Belarus
country-ee = Estonia
country-ge = Georgia
country-kg = Kyrgyzstan
country-kz = Kazakhstan
country-lt = Lithuania
country-lv = Latvia
country-md = Moldova
country-ru = Russia
country-tj = Tajikistan
country-tm = Turkmenistan
country-ua = Ukraine
country-uz = Uzbekistan

## Navigation

nav-programmes = Scholarships
nav-review = Review
nav-admin-programmes = Programmes

## Programmes and applying

programmes-title = Scholarships
programmes-lead = Scholarship programmes train activists to document human-rights violations and take them further. Apply while a call is open.
programmes-mine = Your applications
programmes-open = Open calls
programmes-none = No call is open at the moment.
programmes-manage = Manage programmes
programme-window = Applications from { $opens } until { $closes }
programme-seats = { $count ->
    [one] One place
   *[other] { $count } places
}
programme-applications = Applications
programme-places = Places
programme-deadline = Finish the courses by
programme-countries = Open to applicants from
programme-track = Courses of the programme
form-optional = (optional)
apply-heading = Your application
apply-intro = “Save draft” keeps your answers so that you can come back and finish them; nothing is sent until you press “Send application”.
apply-autosave-on = Your answers are also saved as a draft while you type, and kept if your connection drops.
apply-sign-in = Sign in to apply
apply-closed = Applications are not open at the moment.
apply-organisation = Organisation
apply-country = Country
apply-country-hint = Two-letter code, such as UA, KZ or MD.
apply-experience = Your experience
apply-experience-hint = What have you done so far: outreach, documentation, advocacy? A few sentences are enough.
apply-motivation = Why do you want to take part?
apply-motivation-hint = What would you like to do with what you learn?
apply-consent-heading = How your answers are used
apply-consent-text = Your answers are read only by the programme's administrators and the reviewers they assign, to choose the scholars. They are not shared with anyone else. You can read what you sent at any time, and withdraw it while applications are open: it is then deleted.
apply-consent-blind = Reviewers do not see your handle or your email address.
apply-consent = I agree to my answers being used in this way.
apply-autosaved = Draft saved.
apply-autosave-failed = The draft could not be saved just now; your text is still here. Use “Save draft” when you are back online.
apply-send = Send application
apply-save = Save draft
apply-draft-saved = Your draft is saved. You can come back and finish it while applications are open.
apply-sent = Your application has been sent. Thank you! You will find its status on this page.
apply-withdrawn = Your application has been withdrawn and deleted.
apply-accepted = You have accepted your place. Your courses are below.
apply-declined = You have declined your place.
apply-status = Status
apply-what-you-sent = What you sent
apply-sent-at = Sent { $when }
apply-no-answer = No answer
apply-withdraw = Withdraw my application
apply-withdraw-hint = Withdrawing deletes your application. You can apply again while applications are open.
apply-accept = Accept the place
apply-withdraw-confirm-title = Withdraw your application?
apply-withdraw-confirm-text = Your application and your answers will be deleted. While applications are open you can apply again, but you will have to write your answers again.
apply-withdraw-yes = Yes, withdraw my application
apply-withdraw-no = No, keep my application
apply-decline-confirm-title = Give up your place?
apply-decline-confirm-text = Your place will go to someone else, and this cannot be undone: to take part later you would have to apply to another call.
apply-decline-yes = Yes, decline the place
apply-decline-no = No, keep my place
apply-decline = Decline the place

status-draft = Draft
status-submitted = Sent
status-waitlisted = Waitlist
status-rejected = Not selected
status-awarded = Place offered
status-accepted = Accepted
status-declined = Declined
status-draft-explained = Not sent yet.
status-submitted-explained = Your application is being reviewed. You will be told of the decision here and, if you gave an email address, by email.
status-waitlisted-explained = You are on the waitlist. If a place becomes free, it may be offered to you.
status-rejected-explained = This time we could not offer you a place. Thank you for applying.
status-awarded-explained = You have been offered a place. The programme's courses are open to you already, so you can start now. Accept to keep the place; if you decline, it goes to someone else.
status-accepted-explained = You are a scholar of this programme. Your courses:
status-declined-explained = You declined the place.

## Review

review-title = Review
review-lead = The applications assigned to you. Score each criterion from 1 (weak) to 5 (strong). If you know an applicant, declare a conflict of interest: the application then leaves your list.
review-none = No application is waiting for your review.
review-progress = { $done } of { $count } reviewed
review-application = Application
review-state = Review
review-done = Reviewed
review-to-do = To review
review-applicant = Applicant
review-blind = Blind review: the applicant's identity is hidden.
review-score-heading = Your review
review-score-intro = 1 is weak, 5 is strong. You can change your review later.
review-weight = weight { $weight }
review-comment = Comment
review-comment-hint = For the other reviewers and the administrators; the applicant does not see it.
review-save = Save review
review-saved-next = Your review is saved. This is the next application waiting for you.
review-saved-all = Your review is saved. No other application waits for your review.
review-conflict = Declare a conflict of interest
review-conflict-hint = If you know this applicant or cannot judge fairly, say so: the application leaves your list and your review of it, if any, no longer counts.
review-conflict-noted = Your conflict of interest is recorded; that application has left your list.
review-conflict-undo = Undo: I have no conflict with this application
error-no-conflict = There is no declared conflict on this application to take back.

## Administration of programmes

admin-programmes-title = Programmes
admin-programme-new = New programme
admin-programme-create = Create the programme
admin-programme-title = Title (English)
admin-programme-description = Description (English)
admin-programme-description-hint = What the scholarship offers, who it is for, what it asks. Blank lines separate paragraphs.
admin-programme-translations = Translations (optional)
admin-programme-title-uk = Title in Ukrainian
admin-programme-description-uk = Description in Ukrainian
admin-programme-title-ru = Title in Russian
admin-programme-description-ru = Description in Russian
admin-programme-countries = Countries
admin-programme-countries-hint = Two-letter codes separated by commas, such as UA, MD, KZ. Leave empty to accept every country.
admin-programme-stipend = Stipend per scholar
admin-programme-stipend-hint = Optional; only administrators see it.
admin-programme-currency = Currency
admin-programme-opens = Applications open
admin-programme-closes = Applications close
admin-programme-utc = Date and time in UTC.
admin-programme-criteria = Review criteria
admin-criteria-example = Need | 2
    Experience | 1
    Motivation | 1
admin-programme-questions = Extra questions
admin-programme-blind = Blind review (reviewers do not see who applied)
admin-dashboard = Dashboard
admin-public-page = Public page
admin-seats-held = { $held } of { $seats } taken
admin-reviewers = Reviewers
admin-reviewers-none = No reviewers yet.
admin-reviewer-handle = Add a reviewer by handle
admin-reviewer-hint = They will see every sent application except their own.
admin-reviewer-add = Add reviewer
admin-ranking = Ranking
admin-ranking-intro = Sent applications by the mean of their reviewers' weighted scores (1 to 5). The spread is the gap between the highest and lowest reviewer: a large spread means the reviewers disagree.
admin-ranking-none = No application has been sent yet.
admin-select = Select
admin-score = Score
admin-reviews = Reviews
admin-reviews-none = No reviews yet.
admin-spread = Spread
admin-conflicts = { $count ->
    [one] (one conflict)
   *[other] ({ $count } conflicts)
}
admin-conflict-declared = Conflict of interest declared
admin-decide-selected = Decision for the selected applications
admin-decide = Decide
admin-decision = Decision
decision-award = Award a place
decision-waitlist = Waitlist
decision-reject = Reject
admin-promote = Offer the free place to the next on the waitlist
admin-enrol = Enrol scholars from a file
admin-enrol-intro = Paste a CSV of handles, one per line (a “handle” header line is allowed). Check it first: no one is enrolled until the whole file is clean.
admin-enrol-csv = Handles
admin-enrol-csv-hint = Only the first column is read.
admin-enrol-check = Check the file
admin-enrol-go = Enrol
admin-enrol-would = The file is clean: { $count } scholars would be enrolled.
admin-enrol-done = { $count } scholars enrolled in the programme's courses.
admin-enrol-errors = { $count ->
    [one] One problem; no one was enrolled:
   *[other] { $count } problems; no one was enrolled:
}
admin-enrol-row = Line { $row }
admin-done-created = The programme is created. Add reviewers next.
admin-done-reviewer = Reviewer added.
admin-done-decided = Decision recorded; the applicants are told.
admin-done-promoted = The free place was offered to the next on the waitlist.
admin-done-reminded = A reminder is on its way.
admin-done-no-address = This scholar has no email address: the reminder waits in their inbox on Pravo, seen at their next visit. To reach them sooner, use another way.
phase-upcoming = Not open yet
phase-open = Open
phase-closed = Closed
admin-report-csv = Donor report (CSV)
admin-cohort-csv = Cohort progress (CSV)
admin-applications = Applications
admin-drafts = { $count ->
    [one] and one draft
   *[other] and { $count } drafts
}
admin-awards = Places taken
admin-award-rate = Award rate
admin-cohort = Cohort
admin-cohort-none = No scholar in the cohort yet.
admin-completed = Finished every course
admin-certificates = Certificates issued
admin-at-risk = At risk
admin-stipends = Stipends awarded
admin-by-status = Applications by status
admin-by-country = Applications by country
admin-count = Number
admin-progress-bands = Scholars by progress through the courses (%)
admin-at-risk-rule = A scholar is at risk after { $days } days without activity, or when their progress trails the time already spent towards the deadline by more than 10 points.
admin-modules = Modules
admin-quiz-best = Quizzes (best)
admin-last-activity = Last activity
admin-risk = At risk
admin-risk-quiet = Quiet
admin-risk-behind = Behind
admin-remind = Remind
admin-no-address = No email
admin-pages = Pages
admin-previous = Previous
admin-next = Next
admin-page-of = Page { $page } of { $pages }
programmes-to-review = { $count ->
    [one] One application is assigned to you for review.
   *[other] { $count } applications are assigned to you for review.
}
programme-window-range = { $opens } – { $closes }

## Audit log entries

audit-action-programme-create = Programme created
audit-action-programme-reviewer = Added as a reviewer
audit-action-application-decision = Decision on an application: { $status }
audit-action-application-answer = Answer to an offered place: { $status }
audit-action-application-withdraw = Application withdrawn
audit-action-programme-enrol-csv = Scholars enrolled from a file

admin-programme-edit = Edit the programme
admin-programme-save = Save changes
admin-done-updated = The programme is updated.
admin-none-selected = Select at least one application first.
error-seats-below-held = { $held } places are already taken: the number of places cannot be lower.
error-rubric-locked = Reviews exist already: criteria can be renamed or reweighted, but not added or removed.
error-questions-locked = People have applied already: questions can be reworded, but not added, removed or changed in kind or choices.
audit-action-programme-update = Programme changed
error-track-locked = Scholars are already in the cohort: the programme's courses can no longer change.
admin-reviewer-remove = Remove
admin-reviewer-remove-who = Remove { $handle } from the reviewers
admin-reviewer-remove-hint = A removed reviewer no longer sees the applications; the reviews they already wrote keep counting.
admin-done-reviewer-removed = Reviewer removed.
audit-action-programme-reviewer-removed = Removed from the reviewers
error-question-choice-translations = Line { $row }: a translation of the choices needs as many choices as the question has.
admin-promote-named = Offer the free place to { $handle }, next on the waitlist
admin-done-promoted-named = The free place was offered to { $handle }, who was next on the waitlist.

## Drafted decisions
admin-drafted = draft, not yet published
admin-decide-drafts-hint = Decisions made here are drafts: nobody is told or enrolled until you publish them below, together.
admin-done-drafted = Drafted. Nobody is told until you publish the decisions.
admin-drafts-heading = { $count ->
    [one] One drafted decision
   *[other] { $count } drafted decisions
}
admin-drafts-seats = Once published, { $held } of { $seats } places will be taken.
admin-publish = { $count ->
    [one] Publish the decision and tell the applicant
   *[other] Publish { $count } decisions and tell the applicants
}
admin-done-published = { $count ->
    [one] One decision published; the applicant is told.
   *[other] { $count } decisions published; the applicants are told.
}
error-publish-seats = The drafts would take more than the { $seats } places: change some of them before publishing. Nothing was published.
apply-autosave-kept = No connection: the draft is kept on this device and will be saved when you are back online.
apply-device-draft = A draft you typed without a connection is kept on this device and was not saved yet.
apply-device-draft-use = Put it back in the form
apply-device-draft-discard = Discard it
offer-answer-by = Please answer by { $when }.
offer-answer-by-hint = Until you answer, the place is yours. After that date, the programme may offer it to someone else.
admin-offer-overdue = (no answer; the time to answer ended { $when })
admin-programme-offer-days = Days to answer an offered place
admin-programme-offer-days-hint = Counted from when the decision reaches the applicant. After that, you may offer the place to the next person.
review-hidden-blind = Hidden during blind review.
admin-drafted-for = Drafted for: { $names }. Nobody is told until you publish the decisions.
admin-not-drafted = Not drafted: { $names }
admin-rows-not-saved = The form changed; nothing is saved until you press the button at the end.
admin-rows-see = Go to the row
admin-criteria-rows-hint = Reviewers score each criterion from 1 to 5; a criterion's weight (1 to 100) says how much it counts in the ranking.
admin-criterion-n = Criterion { $n }
admin-criterion-name = Name in English
admin-criterion-weight = Weight (1 to 100)
admin-criterion-description = What it looks for, in English
admin-criterion-description-hint = Optional, shown to reviewers beside the scores: what to look for, and what a 1 and a 5 mean.
admin-criterion-add = Add a criterion
admin-row-remove = Remove
admin-row-up = Move up
admin-questions-rows-hint = Applicants answer these besides their country, experience and motivation. Leave a translation empty and that language shows the English.
admin-questions-none = No extra questions yet.
admin-question-n = Question { $n }
admin-question-label = Question in English
admin-question-label-uk = In Ukrainian
admin-question-label-ru = In Russian
admin-question-kind = Kind of answer
admin-question-short = Short answer (one line)
admin-question-long = Long answer (paragraphs)
admin-question-single = One choice from a list
admin-question-required = An answer is required
admin-question-reviewers-see = Reviewers may read the answers during blind review (tick only if an answer cannot say who applied)
admin-question-choices = Choices, one per line
admin-question-choices-hint = Only for “One choice from a list”.
admin-question-choices-uk = Choices in Ukrainian, in the same order
admin-question-choices-ru = Choices in Russian, in the same order
admin-question-add = Add a question
admin-terms-as-saved = What reviewers score and applicants answer, as saved
