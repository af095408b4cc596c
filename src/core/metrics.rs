//! What an operator watches, counted in this process and shown at `/metrics` in the Prometheus text format.
//! Labels never name a person: requests are counted by route pattern (`/courses/{slug}`), never by path,
//! and nothing is counted per user.

use std::sync::LazyLock;
use std::time::Duration;

use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: String,
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
}

/// Which rate limit refused a request.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LimitLabels {
    pub limit: &'static str,
}

/// What became of an email the worker tried to send.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq, EncodeLabelValue)]
pub enum MailOutcome {
    Sent,
    Retrying,
    Failed,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct MailLabels {
    pub outcome: MailOutcome,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutboxLabels {
    pub status: &'static str,
}

type Histograms<L> = Family<L, Histogram, fn() -> Histogram>;

pub struct Metrics {
    registry: Registry,
    pub requests: Family<RequestLabels, Counter>,
    pub latency: Histograms<RouteLabels>,
    pub pool_wait: Histogram,
    pub sign_in_failures: Counter,
    pub limits_hit: Family<LimitLabels, Counter>,
    pub mail: Family<MailLabels, Counter>,
    pub reminder_runs: Counter,
    pub certificates_issued: Counter,
    /// Set from the database when scraped: emails by status, and the age of the oldest waiting one.
    pub outbox: Family<OutboxLabels, Gauge>,
    pub outbox_oldest_seconds: Gauge,
}

fn latency_buckets() -> Histogram {
    // 1 ms to about 8 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 14))
}

impl Metrics {
    fn new() -> Self {
        let mut registry = Registry::with_prefix("pravo");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests by method, route pattern and status", requests.clone());
        let latency: Histograms<RouteLabels> = Family::new_with_constructor(latency_buckets);
        registry.register("http_request_duration_seconds", "Time to answer, by route pattern", latency.clone());
        let pool_wait = Histogram::new(exponential_buckets(0.0001, 4.0, 10));
        registry.register("db_pool_wait_seconds", "Time spent waiting for a database connection", pool_wait.clone());
        let sign_in_failures = Counter::default();
        registry.register(
            "sign_in_failures",
            "Sign-ins refused for a wrong handle or password",
            sign_in_failures.clone(),
        );
        let limits_hit = Family::<LimitLabels, Counter>::default();
        registry.register("rate_limits_hit", "Requests refused by a rate limit, by limit", limits_hit.clone());
        let mail = Family::<MailLabels, Counter>::default();
        registry.register("mail_attempts", "Emails the worker tried to send, by outcome", mail.clone());
        let reminder_runs = Counter::default();
        registry.register("reminder_runs", "Runs of the reminder job", reminder_runs.clone());
        let certificates_issued = Counter::default();
        registry.register("certificates_issued", "Certificates issued by this instance", certificates_issued.clone());
        let outbox = Family::<OutboxLabels, Gauge>::default();
        registry.register("outbox_emails", "Emails in the outbox, by status", outbox.clone());
        let outbox_oldest_seconds = Gauge::default();
        registry.register(
            "outbox_oldest_queued_seconds",
            "Age of the oldest email waiting to be sent",
            outbox_oldest_seconds.clone(),
        );
        registry.register(
            "build",
            "The running version",
            Info::new(vec![("version".to_owned(), env!("CARGO_PKG_VERSION").to_owned())]),
        );
        Self {
            registry,
            requests,
            latency,
            pool_wait,
            sign_in_failures,
            limits_hit,
            mail,
            reminder_runs,
            certificates_issued,
            outbox,
            outbox_oldest_seconds,
        }
    }

    /// Counts one answered request.
    pub fn request(&self, method: &str, route: &str, status: u16, took: Duration) {
        let route = route.to_owned();
        self.requests.get_or_create(&RequestLabels { method: method.to_owned(), route: route.clone(), status }).inc();
        self.latency.get_or_create(&RouteLabels { route }).observe(took.as_secs_f64());
    }

    pub fn limit_hit(&self, limit: &'static str) {
        self.limits_hit.get_or_create(&LimitLabels { limit }).inc();
    }

    pub fn mail_attempt(&self, outcome: MailOutcome) {
        self.mail.get_or_create(&MailLabels { outcome }).inc();
    }

    /// The Prometheus text exposition of everything counted so far.
    pub fn encode(&self) -> String {
        let mut text = String::new();
        if let Err(e) = prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry) {
            tracing::warn!(error = %e, "could not encode the metrics");
        }
        text
    }
}

/// This process's metrics.
pub fn metrics() -> &'static Metrics {
    static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);
    &METRICS
}
