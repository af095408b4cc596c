# The second factor: codes from an authenticator app.
error-second-factor-required = Enter the six-digit code from your authenticator app.
error-second-factor-setup-required = Administrators need a second factor. Set it up on your account page before you do anything else.
error-second-factor-wrong-code = That code is not right. Codes change every 30 seconds: type the one your app shows now.
error-second-factor-not-started = Start again: turn the second factor on from your account page.
field-totp = Code from your authenticator app
field-totp-hint = Six digits; they change every 30 seconds.
second-factor-title = Second factor
second-factor-is-on = On: signing in asks for a code from your authenticator app as well as your password.
second-factor-is-off = Off. With a second factor, someone who learns your password still cannot sign in without your phone.
second-factor-turn-on = Turn on the second factor
second-factor-new-phone = Move it to a new phone
second-factor-intro = A second factor asks for a six-digit code from an authenticator app each time you sign in, so a stolen or guessed password is not enough.
second-factor-offline = The app works without internet. It shows only this site's name, never your handle. If you lose the phone, a recovery code lets you in and turns the second factor off.
second-factor-admins = Administrators must have a second factor. Until it is set up, the administrator's pages will stop working when the grace period ends.
second-factor-continue = Continue
second-factor-step-app = Install an authenticator app on your phone if you have none (for example Aegis or FreeOTP; any TOTP app works).
second-factor-step-scan = In the app, add an account and scan this code:
second-factor-step-type = Or type this key into the app:
second-factor-app-label = The app will show this account as “{ $site }”.
second-factor-step-code = Type the six digits the app now shows:
second-factor-confirm = Turn it on
second-factor-now-on = The second factor is on. Keep these new recovery codes somewhere safe: each one lets you in once if you lose your phone. The old codes no longer work.
second-factor-login-intro = Your account has a second factor. Open your authenticator app and type the code it shows.
second-factor-lost-phone = Lost your phone?
second-factor-due = Administrators need a second factor.
second-factor-locked = The administrator's pages are closed until you set up a second factor.
second-factor-set-up = Set it up now
mail-second-factor-changed = A second factor (codes from an authenticator app) was turned on for your account on { $when }.
mail-second-factor-off-changed = The second factor of your account was turned off on { $when }, because a recovery code was used.

# The device of a session, on the account page.
session-device = { $browser } on { $system }
device-unknown-browser = An unknown browser
device-other-browser = Another browser
device-other-system = another system
