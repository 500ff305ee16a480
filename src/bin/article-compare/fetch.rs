//! Web addresses as inputs: the page is fetched (redirects followed, within
//! a timeout and the size limit) and read as a saved page is, its
//! Content-Type telling the format and the charset.

use article_compare::formats::{self, Extracted, MAX_INPUT_BYTES};
use std::time::Duration;
use ureq::ResponseExt;

/// How long fetching one address may take by default, from connecting to
/// the last byte.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Most redirects followed: more is a loop or a trap.
const MAX_REDIRECTS: u32 = 10;

/// Whether `arg` is a web address (`http://` or `https://`, any case).
pub fn is_address(arg: &str) -> bool {
    let scheme = |s: &str| arg.get(..s.len()).is_some_and(|head| head.eq_ignore_ascii_case(s));
    scheme("http://") || scheme("https://")
}

/// Fetches `address` and extracts its text; the source records the address
/// reached after redirects. The error names the address and says why.
pub fn read(address: &str, timeout: Duration) -> Result<Extracted, String> {
    let fail = |why: String| format!("{address}: {why}");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(MAX_REDIRECTS)
        // A 404 is read as a status, to be named, not as a transport error.
        .http_status_as_error(false)
        .user_agent(concat!("article-compare/", env!("CARGO_PKG_VERSION"), " (compares news articles)"))
        .build()
        .into();
    let mut response = agent
        .get(address)
        .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
        .call()
        .map_err(|e| fail(reason(&e, timeout)))?;
    let status = response.status();
    if !status.is_success() {
        let name = status.canonical_reason().map(|r| format!(" ({r})")).unwrap_or_default();
        return Err(fail(format!("the server answered HTTP {}{name}", status.as_u16())));
    }
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let content_type = header("content-type");
    // A declared length over the limit is refused before any of it is read.
    if let Some(length) = header("content-length").and_then(|l| l.trim().parse::<u64>().ok()) {
        formats::check_size(length, Some(address)).map_err(|e| e.message)?;
    }
    let reached = response.get_uri().to_string();
    let bytes = response.body_mut().with_config().limit(MAX_INPUT_BYTES as u64).read_to_vec().map_err(|e| match e {
        ureq::Error::BodyExceedsLimit(_) => {
            let limit = MAX_INPUT_BYTES >> 20;
            fail(format!("is too large to compare (more than {limit} MB; the limit is {limit} MB)"))
        }
        other => fail(reason(&other, timeout)),
    })?;
    let mut extracted = formats::extract_served(&bytes, address, content_type.as_deref()).map_err(|e| e.message)?;
    extracted.source.url = Some(reached);
    Ok(extracted)
}

/// Why fetching failed, in words.
fn reason(error: &ureq::Error, timeout: Duration) -> String {
    let late = || format!("no complete answer within {} s", timeout.as_secs_f32());
    match error {
        ureq::Error::HostNotFound => "no such host".into(),
        ureq::Error::Timeout(_) => late(),
        ureq::Error::Tls(why) => format!("the secure connection failed ({why})"),
        ureq::Error::Rustls(why) => format!("the secure connection failed ({why})"),
        ureq::Error::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        ureq::Error::BadUri(_) => "is not a valid web address".into(),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => "the connection was refused".into(),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => late(),
        // The system's resolver says so only in words.
        ureq::Error::Io(e) if e.to_string().contains("lookup address") => "no such host".into(),
        ureq::Error::Io(e) => format!("the connection failed ({e})"),
        ureq::Error::ConnectionFailed => "the connection failed".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_told_from_file_names() {
        assert!(is_address("https://example.com/story"));
        assert!(is_address("HTTP://example.com"));
        assert!(!is_address("http.txt"));
        assert!(!is_address("ftp://example.com/a.txt"));
        assert!(!is_address("./https://odd-file-name"));
    }
}
