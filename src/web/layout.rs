//! The page shell: site name, navigation by role, language switch, skip link and footer.

use maud::{DOCTYPE, Markup, html};

use crate::i18n::{Locale, t};

/// Who is reading, as far as the shell needs to know: language, the CSRF token of the page's forms, and
/// the signed-in person's handle and standing. The accounts domain fills it in.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    pub locale: Locale,
    pub csrf: String,
    pub signed_in: Option<SignedIn>,
}

#[derive(Debug, Clone)]
pub struct SignedIn {
    pub handle: String,
    /// Trainers and administrators see the staff links.
    pub staff: bool,
    pub admin: bool,
    /// Notices in her inbox she has not opened.
    pub unread: i64,
    /// Applications waiting for her review, when she reviews for a programme: "Review" is shown to staff
    /// and to every reviewer.
    pub reviews: Option<i64>,
    /// An administrator without a second factor: reminded on every page (`locked` once the grace ended).
    pub second_factor: Option<SecondFactorDue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactorDue {
    InGrace,
    Locked,
}

/// Anything that can say who is reading (the accounts domain's `Viewer`).
pub trait Reading {
    fn reader(&self) -> Reader;
}

impl Reading for Reader {
    fn reader(&self) -> Reader {
        self.clone()
    }
}

/// What the shell needs to know about a page and its reader.
pub struct Frame<'a> {
    pub site_name: &'a str,
    /// Where the quick exit leads.
    pub exit_url: &'a str,
    pub reader: Reader,
    pub path: &'a str,
    /// The id of the page's form that the language buttons send, so that switching language saves what
    /// was typed there first (see `LanguageThroughForm`).
    pub through_form: Option<String>,
}

impl<'a> Frame<'a> {
    pub fn new(settings: &'a crate::config::Settings, viewer: &impl Reading, path: &'a str) -> Self {
        Frame {
            site_name: &settings.site_name,
            exit_url: &settings.exit_url,
            reader: viewer.reader(),
            path,
            through_form: None,
        }
    }
}

struct NavItem {
    href: &'static str,
    label: &'static str,
}

fn nav_items(user: Option<&SignedIn>) -> Vec<NavItem> {
    let item = |href, label| NavItem { href, label };
    let mut items = vec![item("/", "nav-home"), item("/courses", "nav-courses"), item("/programmes", "nav-programmes")];
    match user {
        None => {
            items.push(item("/login", "nav-sign-in"));
            items.push(item("/register", "nav-register"));
        }
        Some(user) => {
            items.insert(1, item("/inbox", "nav-inbox"));
            items.push(item("/certificates", "nav-certificates"));
            items.push(item("/account", "nav-account"));
            if user.staff {
                items.push(item("/trainer", "nav-trainer"));
            }
            // Work waiting comes first on a phone's narrow bar: right after the inbox.
            if user.reviews.is_some_and(|n| n > 0) {
                items.insert(2, item("/review", "nav-review"));
            } else if user.staff || user.reviews.is_some() {
                items.push(item("/review", "nav-review"));
            }
            // One item for the administration (its pages are listed at /admin): the bar stays one row.
            if user.admin {
                items.push(item("/admin", "nav-admin"));
            }
        }
    }
    items
}

/// A whole page: `title` is the page's heading and, with the site name, its `<title>`.
pub fn page(frame: &Frame, title: &str, body: Markup) -> Markup {
    let l = frame.reader.locale;
    html! {
        (DOCTYPE)
        html lang=(l.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) " · " (frame.site_name) }
                link rel="stylesheet" href=(super::assets::css_url());
                link rel="manifest" href="/manifest.webmanifest";
                script src=(super::assets::exit_js_url()) defer {}
                @if frame.reader.signed_in.is_some() {
                    script src=(super::assets::offline_js_url()) defer {}
                    script src=(super::assets::keep_js_url()) defer {}
                }
            }
            body {
                a.skip href="#main" { (t(l, "skip-to-content")) }
                // The quick exit: first in the page, so one Tab reaches it; with JavaScript it replaces
                // this page in the history (Back does not return), and Esc twice does the same.
                a.exit #quick-exit href=(frame.exit_url) rel="noreferrer" title=(t(l, "exit-hint")) { (t(l, "exit")) }
                header.site {
                    div.bar {
                        a.brand href="/" { (frame.site_name) }
                        nav aria-label=(t(l, "nav-label")) {
                            ul {
                                @for item in nav_items(frame.reader.signed_in.as_ref()) {
                                    @if item.href == "/inbox" {
                                        li { (inbox_item(frame)) }
                                    } @else if item.href == "/review" {
                                        li { (review_item(frame)) }
                                    } @else {
                                    li {
                                        @if item.href == frame.path || (item.href == "/admin" && frame.path.starts_with("/admin/")) {
                                            a href=(item.href) aria-current="page" { (t(l, item.label)) }
                                        } @else {
                                            a href=(item.href) { (t(l, item.label)) }
                                        }
                                    }
                                    }
                                }
                                @if frame.reader.signed_in.is_some() {
                                    li {
                                        form.inline method="post" action="/logout" {
                                            input type="hidden" name="csrf" value=(frame.reader.csrf);
                                            button.link type="submit" { (t(l, "nav-sign-out")) }
                                        }
                                    }
                                }
                            }
                        }
                        (language_switch(frame))
                    }
                }
                main #main tabindex="-1" {
                    @if let Some(due) = frame.reader.signed_in.as_ref().and_then(|u| u.second_factor) {
                        @if frame.path != "/account/second-factor" {
                            p.notice.warning {
                                @if due == SecondFactorDue::Locked { (t(l, "second-factor-locked")) } @else { (t(l, "second-factor-due")) }
                                " " a href="/account/second-factor" { (t(l, "second-factor-set-up")) }
                            }
                        }
                    }
                    @if frame.reader.signed_in.is_some() { (offline_status(l)) }
                    h1 { (title) }
                    (body)
                }
                footer.site {
                    p { (t(l, "footer-privacy")) " " a href="/privacy" { (t(l, "footer-privacy-link")) } }
                    @if let Some(user) = &frame.reader.signed_in {
                        p { (t(l, "footer-signed-in-as")) " " strong { (user.handle) } }
                    }
                }
            }
        }
    }
}

/// Where offline.js says what became of what was done without a connection (hidden until it speaks).
fn offline_status(l: Locale) -> Markup {
    html! {
        div #offline-status .notice hidden role="status" data-queued=(t(l, "offline-queued"))
            data-waiting=(t(l, "offline-waiting")) data-sent=(t(l, "offline-sent"))
            data-sign-in=(t(l, "offline-sign-in")) data-open=(t(l, "offline-open")) {}
    }
}

/// "Inbox", with the number of unread notices when there are any (read out as "3 new").
fn inbox_item(frame: &Frame) -> Markup {
    let l = frame.reader.locale;
    let unread = frame.reader.signed_in.as_ref().map_or(0, |u| u.unread);
    let current = frame.path == "/inbox";
    html! {
        a href="/inbox" aria-current=[current.then_some("page")] {
            (t(l, "nav-inbox"))
            @if unread > 0 {
                " " span.count aria-hidden="true" { (unread) }
                span.visually-hidden { " " (crate::i18n::t_with(l, "nav-inbox-unread", &[("count", crate::i18n::Arg::Number(unread))])) }
            }
        }
    }
}

/// "Review", with the number of applications waiting for her review when there are any.
fn review_item(frame: &Frame) -> Markup {
    let l = frame.reader.locale;
    let waiting = frame.reader.signed_in.as_ref().and_then(|u| u.reviews).unwrap_or(0);
    let current = frame.path == "/review";
    html! {
        a href="/review" aria-current=[current.then_some("page")] {
            (t(l, "nav-review"))
            @if waiting > 0 {
                " " span.count aria-hidden="true" { (waiting) }
                span.visually-hidden { " " (crate::i18n::t_with(l, "nav-review-waiting", &[("count", crate::i18n::Arg::Number(waiting))])) }
            }
        }
    }
}

/// The language buttons. On a page with a form that keeps what was typed (an application, a quiz), they
/// send that form with `switch_language` (its handler saves, then switches): nothing typed is lost, with or
/// without JavaScript. A hidden save button comes first, as Enter in a text field presses the first button
/// of its form in the page, and these come before the form.
fn language_switch(frame: &Frame) -> Markup {
    let l = frame.reader.locale;
    let through = frame.through_form.as_deref();
    let (name, form) = match through {
        Some(id) => (SWITCH_FIELD, Some(id)),
        None => ("locale", None),
    };
    html! {
        form.lang method="post" action="/language" aria-label=(t(l, "language-switch-label")) {
            input type="hidden" name="csrf" value=(frame.reader.csrf);
            input type="hidden" name="next" value=(frame.path);
            @if let Some(id) = through {
                button.visually-hidden type="submit" form=(id) name="action" value="save" tabindex="-1" aria-hidden="true" { (t(l, "language-switch-label")) }
            }
            @for locale in Locale::ALL {
                button type="submit" form=[form] name=(name) value=(locale.code()) lang=(locale.code())
                    aria-pressed=(if locale == l { "true" } else { "false" }) { (t(locale, "language-name")) }
            }
        }
    }
}

/// The field a page's own form carries when one of the language buttons sent it.
pub const SWITCH_FIELD: &str = "switch_language";

/// The language she switched to through a page's form, if that is why the form was sent.
pub fn switched_language(fields: &[(String, String)]) -> Option<Locale> {
    fields.iter().find(|(name, _)| name == SWITCH_FIELD).and_then(|(_, code)| Locale::parse(code))
}
