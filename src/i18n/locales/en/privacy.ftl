# The privacy request: export, erasure, the privacy page and the quick exit.

exit = Exit
exit-hint = Leave this site at once for a weather page (or press Esc twice)
footer-privacy-link = Privacy: what is stored and how to erase it

error-reauthentication-required = Enter your current password (and, if you use a second factor, a code from your app) to do this.
error-last-admin-erase = The last administrator cannot be deleted. Make someone else an administrator first.
error-reason-too-long = Write at most { $max } characters, on one line.

data-title = Your data
data-intro = You can download everything Pravo stores about you, or delete your account and its data.
data-privacy-link = What is stored, and for how long
data-export = Download my data
data-export-hint = To protect you if someone else has your phone, enter your password first. The file stays on this device: delete it when you no longer need it.
data-delete-link = Delete my account…

erase-title = Delete your account
erase-intro = This deletes your account at once. It cannot be undone, and nobody can restore it.
erase-deleted-title = What is deleted
erase-deleted = Your handle, email, the name on your certificates, your password and recovery codes, your sessions, enrolments and progress, quiz answers and grades, certificates (their codes will verify as unknown), applications with everything you wrote in them, and the emails waiting to be sent to you.
erase-kept-title = What is kept, without your name
erase-export-first = You may want to download your data first.
erase-password-hint = Enter your password to confirm that it is you.
erase-confirm = Delete my account for good
erase-cancel = Keep my account
goodbye-title = Your account is deleted
goodbye-text = Your account and your data are deleted. Thank you for learning with us.

admin-erase-title = Delete an account
admin-erase-intro = This deletes the account { $handle } and its personal data at once. It cannot be undone.
admin-erase-reason = Reason (kept in the audit log)
admin-erase-reason-hint = For example "asked by the scholar" or "duplicate account". Do not write the person's handle, name or anything about them.
admin-erase-confirm = Delete { $handle } for good
admin-erased = The account was deleted.
users-actions = Actions
users-erase = Delete { $handle }…

export-title = Your data from Pravo
export-intro = This archive holds everything Pravo stored about you on the day it was made: one file per kind of data, in JSON (a plain text format any text editor opens), and your certificates as PDF.
export-keep-safe = Anyone who finds this file can read it. Keep it somewhere safe, or delete it when you no longer need it.
export-file = File
export-holds = What it holds
export-items = Items
export-dates = Dates and times are in UTC.
export-kind-account = Your account: handle, role, language, email, the name for certificates
export-kind-sessions = Where and when you were signed in (device type only, never an address)
export-kind-audit = Security events about your account (sign-in changes, role changes)
export-kind-mail = Emails sent or waiting to be sent to you (kind and date, not the text)
export-kind-enrolments = The courses you are enrolled in
export-kind-teaching = The courses you teach and the module texts you wrote
export-kind-progress = The modules and courses you completed
export-kind-quiz_attempts = Your quiz attempts, with every answer and grade
export-kind-grading = How many answers you graded
export-kind-certificates = Your certificates and their signed credentials
export-kind-applications = Your scholarship applications, with everything you wrote
export-kind-cohorts = The programme cohorts you belong to
export-kind-reviews = The programmes you review and the reviews you wrote
export-kind-programmes_created = The programmes you created
export-kind-file = A certificate (PDF)

privacy-title = Privacy
privacy-intro = Pravo stores as little as it can about you, only for as long as it is needed, and you can download or erase it yourself at any time.
privacy-never-title = What Pravo never stores
privacy-never-address = Your IP address or location.
privacy-never-name = Your real name, phone number or postal address. A name is printed on a certificate only if you choose one.
privacy-never-other-hosts = Anything from other sites: no trackers, fonts or scripts from elsewhere, so no other company learns that you use Pravo.
privacy-never-topic = The topic of a course in an email subject or a notice title.
privacy-stored-title = What is stored, and what happens when you erase your account
privacy-domain-accounts = Your account
privacy-domain-accounts-what = Needed to sign you in and keep your account safe.
privacy-domain-courses = Courses
privacy-domain-courses-what = Needed to show you your courses (and, for trainers, the courses you teach).
privacy-domain-quizzes = Quizzes
privacy-domain-quizzes-what = Needed to grade your answers and to show you your results. Trainers of the course see your answers to grade them.
privacy-domain-progress = Progress
privacy-domain-progress-what = Needed to show what is left before a certificate.
privacy-domain-certificates = Certificates
privacy-domain-certificates-what = Needed to give you your certificate and to let others check it, only if you let them.
privacy-domain-scholarships = Scholarships
privacy-domain-scholarships-what = Needed to review applications and run the programme. Reviewers see applications without handles when the call is blind.
privacy-table-users = Your handle, email, language and the name for certificates
privacy-table-recovery_codes = Your recovery codes (stored only as hashes)
privacy-table-sessions = Your sessions (device type, days of use)
privacy-table-audit_log = Security events (ids and actions only)
privacy-table-outbox = Emails to you
privacy-table-enrolments = Your enrolments
privacy-table-course_trainers = The courses you teach
privacy-table-module_revisions = Module texts you wrote (as a trainer)
privacy-table-module_progress = Modules you completed
privacy-table-course_completions = Courses you completed
privacy-table-attempts = Your quiz attempts
privacy-table-attempt_answers = Your answers and their grades
privacy-table-certificates = Your certificates
privacy-table-applications = Your applications and what you wrote in them
privacy-table-reviews = Reviews you wrote (as a reviewer)
privacy-table-programme_reviewers = The programmes you review
privacy-table-cohort_members = The cohorts you belong to
privacy-table-programmes = The programmes you created (as an administrator)
privacy-col-what = What
privacy-col-export = In your download
privacy-col-erase = When you erase your account
privacy-exported = Yes
privacy-not-exported-hashes = No: only unreadable hashes are stored
privacy-not-exported-receipts = No: only ids of steps sent from a device without a connection, kept for a month
privacy-erased = Deleted
privacy-kept-audit = Security events stay, with ids only and no handle, so that the log cannot be rewritten
privacy-kept-course-text = Module texts stay with the course, without your name
privacy-kept-review-scores = Your review scores stay so that other applicants' ranking does not change, without your name or comment
privacy-kept-programme = Programmes stay, without your name
privacy-how-long-title = For how long
privacy-sessions-kept = A session ends after { $hours } hours without use, when you sign out, or after 14 days; its record is deleted a day later.
privacy-mail-kept = Emails written to files (when the site sends no email) are deleted after { $days } days; the text of a sent email is cleared once it is sent.
privacy-applications-kept = An application that was not awarded is deleted { $months ->
    [one] one month
   *[other] { $months } months
} after its decision (or after the call closed, if it was never decided).
privacy-drafts-kept = A draft application that was never sent is deleted { $days ->
    [one] one day
   *[other] { $days } days
} after its call closed.
privacy-mail-records-kept = The record that an email was sent (its kind and date) is deleted after { $days ->
    [one] one day
   *[other] { $days } days
}.
privacy-account-kept = Your account and what you did in it are kept until you erase them, or an administrator does.
privacy-who-title = Who sees it
privacy-who = You see all of it. Trainers see the answers and progress of their course's scholars. Administrators see accounts, applications and progress to run the programme. Nobody else does, and nothing is sold or shared.
privacy-rights-title = Your rights
privacy-rights = You can download everything stored about you, and erase your account with all its data, yourself, at any time, from your account page.
privacy-rights-link = Your data
privacy-exit-title = Leaving quickly
privacy-exit = The Exit button at the bottom of every page (or Esc pressed twice) leaves at once for a weather page, and Back does not return here. Your browser still remembers the pages you visited: to remove them, open your browser's menu, choose History, and delete the history of this site; or use a private (incognito) tab from the start.
mail-inactivity-warning = Nobody has used your account for { $months ->
    [one] a month
   *[other] { $months } months
}. To keep it, sign in before { $date }. Otherwise, on that day, the account and everything in it are deleted.
mail-inactivity-nothing-to-do = If you no longer need the account, you need to do nothing.
privacy-inactive-kept = An account nobody uses for { $months ->
    [one] a month
   *[other] { $months } months
} is deleted with its data, { $days } days after a warning (sent by email when the account has an address).
privacy-inactive-never = Accounts are not deleted for not being used.
