//! The page shell: site name, navigation by role, language switch, skip link and footer.

use maud::{DOCTYPE, Markup, html};

use crate::accounts::model::{Role, User};
use crate::auth::extract::Viewer;
use crate::i18n::{Locale, t};

/// What the shell needs to know about a page and its reader.
pub struct Frame<'a> {
    pub site_name: &'a str,
    pub locale: Locale,
    pub user: Option<&'a User>,
    pub csrf: &'a str,
    pub path: &'a str,
}

impl<'a> Frame<'a> {
    pub fn new(site_name: &'a str, viewer: &'a Viewer, path: &'a str) -> Self {
        Frame { site_name, locale: viewer.locale, user: viewer.user.as_ref(), csrf: &viewer.csrf_token, path }
    }
}

struct NavItem {
    href: &'static str,
    label: &'static str,
}

fn nav_items(user: Option<&User>) -> Vec<NavItem> {
    let item = |href, label| NavItem { href, label };
    let mut items = vec![item("/", "nav-home"), item("/courses", "nav-courses"), item("/programmes", "nav-programmes")];
    match user.map(|u| u.role) {
        None => {
            items.push(item("/login", "nav-sign-in"));
            items.push(item("/register", "nav-register"));
        }
        Some(role) => {
            items.push(item("/certificates", "nav-certificates"));
            items.push(item("/account", "nav-account"));
            if role != Role::Scholar {
                items.push(item("/trainer", "nav-trainer"));
                items.push(item("/review", "nav-review"));
            }
            if role == Role::Admin {
                items.push(item("/admin/programmes", "nav-admin-programmes"));
                items.push(item("/admin/users", "nav-admin-users"));
                items.push(item("/admin/audit", "nav-admin-audit"));
                items.push(item("/admin/outbox", "nav-admin-outbox"));
            }
        }
    }
    items
}

/// A whole page: `title` is the page's heading and, with the site name, its `<title>`.
pub fn page(frame: &Frame, title: &str, body: Markup) -> Markup {
    let l = frame.locale;
    html! {
        (DOCTYPE)
        html lang=(l.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) " · " (frame.site_name) }
                link rel="stylesheet" href=(super::assets::css_url());
            }
            body {
                a.skip href="#main" { (t(l, "skip-to-content")) }
                header.site {
                    div.bar {
                        a.brand href="/" { (frame.site_name) }
                        nav aria-label=(t(l, "nav-label")) {
                            ul {
                                @for item in nav_items(frame.user) {
                                    li {
                                        @if item.href == frame.path {
                                            a href=(item.href) aria-current="page" { (t(l, item.label)) }
                                        } @else {
                                            a href=(item.href) { (t(l, item.label)) }
                                        }
                                    }
                                }
                                @if frame.user.is_some() {
                                    li {
                                        form.inline method="post" action="/logout" {
                                            input type="hidden" name="csrf" value=(frame.csrf);
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
                    h1 { (title) }
                    (body)
                }
                footer.site {
                    p { (t(l, "footer-privacy")) }
                    @if let Some(user) = frame.user {
                        p { (t(l, "footer-signed-in-as")) " " strong { (user.handle) } }
                    }
                }
            }
        }
    }
}

fn language_switch(frame: &Frame) -> Markup {
    let l = frame.locale;
    html! {
        form.lang method="post" action="/language" aria-label=(t(l, "language-switch-label")) {
            input type="hidden" name="csrf" value=(frame.csrf);
            input type="hidden" name="next" value=(frame.path);
            @for locale in Locale::ALL {
                @let name = t(locale, "language-name");
                @if locale == l {
                    button type="submit" name="locale" value=(locale.code()) lang=(locale.code()) aria-pressed="true" { (name) }
                } @else {
                    button type="submit" name="locale" value=(locale.code()) lang=(locale.code()) aria-pressed="false" { (name) }
                }
            }
        }
    }
}
