## Scholarship programmes: errors

error-required = Please fill this in.
error-length-max = At most { $max } characters, please.
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
error-not-submitted = This application has not been sent yet.
error-seats-full = All { $seats } places are taken. Free one (a decline or a revoked award) before awarding another.
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
