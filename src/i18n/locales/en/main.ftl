## Shell
language-name = English
language-switch-label = Language
skip-to-content = Skip to content
nav-label = Main
nav-home = Home
nav-sign-in = Sign in
nav-register = Create an account
nav-account = Account
nav-admin-users = Users
nav-admin = Administration
admin-hub-programmes = Scholarship calls: applications, reviewers, ranking and decisions, cohorts and donor reports.
admin-hub-users = Accounts: create one, find one by handle, change a role, erase.
admin-hub-audit = Who changed what and when, in a log whose entries cannot be altered unnoticed.
admin-hub-outbox = Emails waiting, sent or failed, and sending one again.
nav-admin-audit = Audit log
nav-sign-out = Sign out
footer-privacy = Pravo asks for no real name, phone or address, and loads nothing from other sites.
footer-signed-in-as = Signed in as
list-next = Next page

## Dates
date-long = { $day } { $month } { $year }
month-genitive-1 = January
month-genitive-2 = February
month-genitive-3 = March
month-genitive-4 = April
month-genitive-5 = May
month-genitive-6 = June
month-genitive-7 = July
month-genitive-8 = August
month-genitive-9 = September
month-genitive-10 = October
month-genitive-11 = November
month-genitive-12 = December

## Counts
course-count = { $count ->
    [one] { $count } course
   *[other] { $count } courses
}

## Home
home-title = Learn to document human-rights violations
home-intro = Pravo is the online classroom of a scholarship programme that trains activists to monitor and document human-rights violations linked to gender inequality, HIV and drug policy, and to bring them before national and international bodies.
home-privacy = You can take part under a pseudonym. An email address is optional, and nothing you do here is shared with other sites.
home-welcome-back = Welcome back, { $handle }.
home-offer = A place is offered to you
home-offer-answer = Answer the offer
home-your-courses = Your courses
home-no-courses = You have not joined a course yet.
home-see-courses = See the courses
home-your-applications = Your applications

## Forms
form-has-errors = Please correct the fields marked below.
field-handle = Handle
field-password = Password
field-new-password = New password
field-current-password = Current password
field-email-optional = Email (optional)
field-language = Language
field-recovery-code = Recovery code
field-certificate-name = Name on certificates (optional)
handle-hint = A pseudonym is welcome: 3 to 32 letters, digits, dots, dashes or underscores.
password-hint = { $min } to { $max } characters. A few unrelated words make a strong password.
email-hint = Only for password resets, certificates and reminders (which you can turn off). Without it you get recovery codes instead.
certificate-name-hint = Printed on your certificates only. Leave empty to use your handle.
field-certificates-by-email = Email me my certificates
certificates-by-email-hint = Only when you have an email address. Untick to keep certificates only here, to download: then no email tells anyone which course you finished.

## Sign in
login-title = Sign in
login-submit = Sign in
login-no-account = No account yet?
login-keep = Keep me signed in
login-keep-hint = Only on your own phone or computer. Otherwise closing the browser signs you out.
login-forgot = Forgot your password?

## Registration
register-title = Create an account
register-intro = You need only a handle and a password.
register-submit = Create account
codes-title = Your recovery codes
codes-intro = Without an email address, these codes are the only way back into your account if you forget your password. Each code works once.
codes-keep-safe = Write them down or store them somewhere safe now: they will not be shown again.
codes-continue = I have saved my codes

## Recovery and single-use links
recover-title = Recover your account
recover-intro = Enter your handle, one of your recovery codes and a new password.
recover-submit = Set new password
set-password-title = Set your password
set-password-intro = Choose a password for the account { $handle }.
set-password-submit = Set password
setup-title = Create the first administrator
setup-intro = This Pravo has no administrator yet. Choose the handle and password of the first one.
setup-submit = Create administrator

## Account
account-title = Your account
account-role = Role
account-since = Member since
account-profile = Settings
account-save = Save settings
account-saved-profile = Your settings are saved.
account-saved-password = Your password is changed. Other devices have been signed out.
account-password = Password
account-change-password = Change password
account-recovery-codes = Recovery codes
account-codes-left = { $count ->
    [0] You have no unused recovery codes.
    [one] You have { $count } unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
account-new-codes = Make new recovery codes
account-sessions = Sessions
account-sessions-intro = Lost a phone, or signed in on a shared computer? Sign out on every device at once.
account-session-days = since { $started }, last used { $seen }
account-session-current = this device
account-session-end = End this session
account-saved-session = The session was ended: that device is signed out.
account-logout-all = Sign out everywhere
role-scholar = Scholar
role-trainer = Trainer
role-admin = Administrator

## Administration
users-title = Users
users-count = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
users-role-of = Role of { $handle }
users-change-role = Change
audit-title = Audit log
audit-empty = Nothing has been recorded yet.
audit-when = When
audit-who = Who
audit-what = What
audit-whom = Whom
audit-operator = server operator
audit-action-role-changed = Role changed from { $from } to { $to }
audit-action-user-created = Account created as { $role }
audit-action-user-first-admin = First administrator created
audit-action-session-ended = A session was ended
audit-action-password-recovered = Password reset with a recovery code

## Errors
error-title-400 = The request could not be read
error-title-401 = Please sign in
error-title-403 = Not allowed
error-title-404 = Page not found
error-title-408 = Too slow
error-title-409 = That cannot be done now
error-title-413 = Too large
error-title-422 = Please check what you entered
error-title-429 = Too many attempts
error-title-500 = Something went wrong
error-incident = If this keeps happening, tell an administrator this incident number:
error-home-link = Back to the home page
error-unauthorized = Please sign in to continue.
error-bad-credentials = The handle or the password is wrong.
error-forbidden = You are not allowed to do this.
error-csrf = This form has expired or came from another site. Go back, reload the page and try again.
error-not-found = There is nothing here. The link may be wrong, or it has expired.
error-payload-too-large = What you sent is too large.
error-validation-failed = Some of what you entered needs correcting.
error-conflict = That cannot be done in the current state.
error-rate-limited = { $minutes ->
    [one] Too many attempts. Please wait a minute and try again.
   *[other] Too many attempts. Please wait { $minutes } minutes and try again.
}
error-internal = Something went wrong on our side. Nothing you entered was lost; please try again.
error-bad-form = The form could not be read. Reload the page and try again.
error-bad-json = The request body is not valid JSON.
error-json-content-type = Send the request body as application/json.
error-last-admin = The last administrator cannot lose that role. Make someone else an administrator first.
error-already-set-up = An administrator already exists. Sign in instead.
error-handle-length = A handle has { $min } to { $max } characters.
error-handle-characters = A handle may contain only letters, digits, dots, dashes and underscores.
error-handle-taken = This handle is taken. Please choose another one.
error-handle-look-alike = This handle looks too much like one that is taken (letters from another alphabet that look the same count as the same). Please choose another one.
error-password-too-short = A password needs at least { $min } characters.
error-password-too-long = A password may have at most { $max } characters.
error-password-common = This password is among the most common ones and easy to guess. Please choose another.
error-password-repetitive = This password repeats the same few characters. Please choose one that is harder to guess, for example a few unrelated words.
error-password-sequential = This password is a run of letters or digits (like 123456…). Please choose one that is harder to guess.
error-password-keyboard = This password follows a row of the keyboard (like qwerty…). Please choose one that is harder to guess.
error-password-context = The password must not contain your handle or the site's name: whoever knows them would try them first.
error-password-wrong = The current password is wrong.
error-email-invalid = This does not look like an email address.
error-locale-unknown = Choose English, Russian or Ukrainian.
error-role-unknown = Choose scholar, trainer or administrator.
error-certificate-name-too-long = A name may have at most { $max } characters.
error-recovery-code-wrong = The handle or the recovery code is wrong, or the code was used already.
error-nul = The request holds a NUL character, which Pravo does not accept.
error-conflict-retry = Someone else changed this at the same moment. Please try again.
mail-greeting = Hello { $handle },
mail-signature = This message was sent automatically; replies are not read.
mail-subject-reset = Password reset
mail-reset-intro = Someone asked to reset the password of your account. If it was you, open this link within 30 minutes and choose a new password:
mail-reset-ignore = If it was not you, ignore this message: nothing changes.
mail-subject-account = Your account
mail-password-changed = The password of your account was changed on { $when }.
mail-codes-changed = New recovery codes were made for your account on { $when }; the old ones no longer work.
mail-email-changed = The email address of your account was changed on { $when }; this address will no longer receive messages.
mail-not-you = If this was not you, reset your password now, or ask the programme's administrators for help.
reset-title = Forgot your password?
reset-intro = Enter your handle. If your account has an email address, we send a link to choose a new password. Without an email address, use one of your recovery codes.
reset-submit = Send the link
reset-sent = If the account has an email address, a link is on its way. It works for 30 minutes.
reset-password-title = Choose a new password
login-reset-by-email = Reset by email
login-reset-by-code = Use a recovery code
error-mail-already-sent = This message was sent already.
nav-admin-outbox = Outbox
outbox-title = Email outbox
outbox-files = No SMTP server is set (SMTP_URL): messages are written as .eml files to
outbox-empty = No email yet.
outbox-kind = Kind
outbox-status = Status
outbox-attempts = Attempts
outbox-next = Next attempt
outbox-resend = Send again
outbox-status-pending = waiting
outbox-status-sent = sent
outbox-status-failed = failed
nav-certificates = Certificates
cert-title = Your certificates
cert-none = When you complete a course, its certificate appears here.
cert-set-name = Your certificates print your handle. To print another name, set it in your account settings before you finish a course.
cert-heading = Certificate of completion
cert-awarded-to = This certifies that
cert-for-completing = has completed the course
cert-hours = { $count ->
    [one] { $count } hour of study
   *[other] { $count } hours of study
}
cert-date = Issued on { $date }
cert-issuer = by { $issuer }
cert-verify = Check this certificate at
cert-code = Code { $code }
cert-download-pdf = Download PDF
cert-download-credential = Download credential (.jwt)
cert-hide = Hide from verification
cert-show = Allow verification
cert-is-public = Anyone with the code can check it.
cert-is-hidden = Verification is turned off.
cert-revoked = This certificate was revoked.
cert-verify-title = Certificate check
cert-verify-valid = This certificate is valid. Compare it with the document you were shown: every detail must match.
cert-verify-revoked = This certificate was revoked on { $date }.
cert-verify-hint = This page shows exactly what the certificate says. A document that says anything else has been altered.
cert-issued-on = Issued on
cert-issued-by = Issued by
mail-subject-certificate = Your document
mail-certificate-intro = Congratulations: your certificate is attached to this message as a PDF.
mail-certificate-verify = Anyone you show it to can check it here:
error-public-required = Say true or false.
error-certificate-name-characters = A name may not contain markup or control characters.

## Reminders
mail-subject-reminder = A note from { $site }
mail-reminder-intro = { $days ->
    [one] Your courses have been waiting for you for a day. You can pick up where you left off:
   *[other] Your courses have been waiting for you for { $days } days. You can pick up where you left off:
}
mail-reminder-opt-out = To stop these reminders, open this link (no sign-in needed):
reminders-title = Reminder emails
reminders-for = Reminder emails for the account { $handle }.
reminders-are-on = Reminders are on: when your courses have been quiet for a while, we send a short note with no course name in it.
reminders-are-off = Reminders are off: we will not send any.
reminders-turn-off = Stop reminders
reminders-turn-on = Send reminders again
reminders-now-off = Done: you will get no more reminders.
reminders-now-on = Done: reminders are on again.
account-saved-reminders = Your reminder setting is saved.
reminders-need-email = Reminders go by email: add an address in the settings above to get them.

# One message per rule, whichever domain checks it.
error-length-max = At most { $max } characters, please.
error-nesting-too-deep = Quotes or lists are nested more than { $max } levels deep. Please flatten the text.
error-request-timeout = The request took too long to arrive. Please try again.
email-change-password-hint = Needed only to change or remove your email address. A new address is used once you open the link we send to it.
email-pending = We sent a link to { $email }. Your address changes when you open it (within 48 hours).
account-saved-email-pending = Saved. Open the link we sent to your new address to start using it.
account-saved-email-confirmed = Your new email address is confirmed.
email-confirmed-title = Email address confirmed
email-confirmed = Your new email address is confirmed and is now used for your account.
email-confirm-invalid-title = This link does not work
email-confirm-invalid = This link is not valid: it was used already, it expired after 48 hours, or a newer one was sent. Change the address again on your account page to get a new link.
mail-confirm-intro = Someone (we hope you) asked to use this address for an account. To confirm it, open this link within 48 hours:
mail-confirm-ignore = If this was not you, ignore this message: the address will not be used.

# The inbox (notices). Titles never name a course or a topic.
nav-inbox = Inbox
nav-inbox-unread = { $count } unread
nav-review-waiting = { $count } waiting for your review
inbox-title = Inbox
inbox-empty = Nothing new. Decisions, graded answers and certificates appear here, even if you have no email address.
inbox-read-all = Mark all as read
inbox-unread = (unread)
inbox-privacy = A notice says only that there is news; the details are on the page it leads to. Anyone holding your phone while you are signed in can read them.
notice-title-application-received = Your application arrived
notice-body-application-received = We received your application. You can read it on the programme's page.
notice-title-decision = News about your application
notice-body-decision = There is a decision on your application. Open it to read it and, if you are offered a place, to answer.
notice-title-nudge = A message from your programme's team
notice-body-nudge = Your programme's team asks how you are getting on. Open it to see your courses.
notice-title-graded = A result is ready
notice-body-graded = A trainer graded one of your answers. Open it to see your result and the trainer's comment.
notice-title-review-assigned = Applications to review
notice-body-review-assigned = You were asked to review applications. Open it to see what is waiting.
notice-title-certificate = A certificate is ready
notice-body-certificate = A certificate was issued to you. Open it to download it or to share its verification link.
notice-title-course-assigned = A course to teach
notice-body-course-assigned = An administrator added you as a trainer of a course. Open it to see the course.
users-create = Create an account
users-create-title = Create an account
users-create-intro = For a trainer, a reviewer or a scholar who should not register herself. You get a one-time link to hand over; with it she sets her own password. No email is needed.
users-create-submit = Create the account
users-created = The account { $handle } ({ $role }) was created.
users-created-link = Hand this link to its owner in person or through a channel you trust. It works once, for three days; with it she sets her own password.
users-created-link-label = One-time link to set the password
users-created-once = This link is shown only now. If it is lost before it is used, erase the account and create it again.
users-find = Find by handle
users-find-submit = Find
users-none-found = No account has a handle containing that.
users-role-changed = The role was changed. It applies from their next page.

carry-session-ended = You were signed out, so what you sent was not saved yet. It is kept on this page: sign in, and you can send it on.
carry-title = Signed in again
carry-kept = You are signed in. What you typed is kept: send it on with the button below.
carry-continue = Continue where I was
outbox-kind-password-reset = Password reset
outbox-kind-email-confirmation = Email address confirmation
outbox-kind-inactivity-warning = Warning before an unused account is deleted
outbox-kind-password-changed = Password changed
outbox-kind-recovery-codes-changed = New recovery codes
outbox-kind-second-factor-on = Second factor turned on
outbox-kind-second-factor-off = Second factor turned off
outbox-kind-email-changed = Email address changed
outbox-kind-certificate = Certificate issued
outbox-kind-reminder = Reminder to continue a course
outbox-kind-application = Application received
outbox-kind-decision = Decision on an application
outbox-kind-nudge = A note from the programme’s team about her courses
