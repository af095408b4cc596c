//! The outermost middleware: one log line and one count per request. A line holds the method, the route
//! pattern (`/courses/{slug}`, never the path with its ids or codes, never the query), the status, the
//! time taken and, for an unexpected error, its incident id; never a handle, an email, an address, a token
//! or an answer.

use std::time::Instant;

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use super::errors::Incident;
use crate::core::metrics::metrics;

/// The route of a request that matched none (a 404): one label for all of them.
const UNMATCHED: &str = "unmatched";

pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let result = next.call(req).await;
    let took = started.elapsed();
    // The pattern is read after routing, from the resource the router chose: asked before, actix would
    // try every route's regular expression against the path again (a tenth of a page's CPU).
    let (status, incident, route) = match &result {
        Ok(res) => (
            res.status().as_u16(),
            res.response().extensions().get::<Incident>().map(|i| i.0.clone()),
            res.request().match_pattern(),
        ),
        Err(e) => (e.as_response_error().status_code().as_u16(), None, None),
    };
    let route = route.unwrap_or_else(|| UNMATCHED.to_owned());
    metrics().request(&method, &route, status, took);
    let ms = (took.as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0;
    match incident {
        Some(incident) => tracing::info!(target: "pravo::request", method, route, status, ms, incident, "request"),
        None => tracing::info!(target: "pravo::request", method, route, status, ms, "request"),
    }
    result
}
