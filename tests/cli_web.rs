//! Web addresses as inputs of the `article-compare` binary, against a small
//! HTTP server on 127.0.0.1 that this test runs (no internet): a page, a
//! redirect, a 404, a slow answer, oversized bodies (declared and not), a
//! page whose charset only the header gives, an image, and a type that is
//! not a page. Each failure names the address and the reason, with exit
//! status 1, and the inputs that could be read are still compared.

use article_compare::Report;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Output};
use std::time::Duration;

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Starts the server on a free port; returns its base address.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    base
}

fn answer(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut user_agent = String::new();
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        if line.to_ascii_lowercase().starts_with("user-agent:") {
            user_agent = line[11..].trim().to_string();
        }
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let reply = |status: &str, headers: &str, body: &[u8]| {
        let head = format!("HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n", body.len());
        let mut out = head.into_bytes();
        out.extend_from_slice(body);
        out
    };
    let response = match path.as_str() {
        "/rail-strike.html" => reply("200 OK", "Content-Type: text/html; charset=utf-8\r\n", &fixture("formats/rail-strike.html")),
        "/wire" => reply("200 OK", "Content-Type: text/plain\r\n", &fixture("articles/harbour-fire/wire.txt")),
        "/moved" => reply("301 Moved Permanently", "Location: /rail-strike.html\r\n", b""),
        "/agent" => reply("200 OK", "Content-Type: text/plain\r\n", format!("The agent was {user_agent}.").as_bytes()),
        "/cafe" => reply(
            "200 OK",
            "Content-Type: text/html; charset=windows-1252\r\n",
            b"<html><body><h1>Caf\xe9 owners count the cost</h1><p>The caf\xe9 on the quay lost \x80 2,000 in a week, its owner said on Monday.</p></body></html>",
        ),
        "/photo" => reply("200 OK", "Content-Type: image/png\r\n", &fixture("formats/photo.png")),
        "/data.json" => reply("200 OK", "Content-Type: application/json\r\n", b"{\"story\": \"not a page\"}"),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(4));
            reply("200 OK", "Content-Type: text/plain\r\n", b"Too late.")
        }
        "/declared-huge" => {
            // Declares 60 MB and sends a little: refused on the header.
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 62914560\r\nConnection: close\r\n\r\nstart".to_vec()
        }
        "/streamed-huge" => {
            // No length: text until the client stops reading.
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
            let chunk = "All work and no play. ".repeat(50_000);
            while stream.write_all(chunk.as_bytes()).is_ok() {}
            return;
        }
        _ => reply("404 Not Found", "Content-Type: text/html\r\n", b"<p>No such page.</p>"),
    };
    let _ = stream.write_all(&response);
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-compare")).args(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts exit status 1 and returns standard error.
fn failed(output: Output) -> String {
    assert_eq!(output.status.code(), Some(1), "stdout: {}", String::from_utf8_lossy(&output.stdout));
    stderr(&output)
}

#[test]
fn a_page_is_fetched_and_extracted_as_a_saved_one_is() {
    let base = server();
    let saved = run(&["extract", &format!("{}/tests/fixtures/formats/rail-strike.html", env!("CARGO_MANIFEST_DIR"))]);
    let fetched = run(&["extract", &format!("{base}/rail-strike.html")]);
    assert_eq!(fetched.status.code(), Some(0), "{}", stderr(&fetched));
    assert_eq!(fetched.stdout, saved.stdout);
    let agent = run(&["extract", &format!("{base}/agent")]);
    assert!(String::from_utf8_lossy(&agent.stdout).starts_with("The agent was article-compare/"));
}

#[test]
fn the_report_records_the_address_reached_after_redirects() {
    let base = server();
    let output = run(&["compare", &format!("{base}/moved"), &format!("{base}/wire"), "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Report = serde_json::from_slice(&output.stdout).unwrap();
    let page = &report.documents[0];
    assert_eq!(page.name, format!("{base}/moved"));
    let source = page.source.as_ref().unwrap();
    assert_eq!(source.url.as_deref(), Some(format!("{base}/rail-strike.html").as_str()));
    assert_eq!((source.format.as_str(), source.extraction.as_str()), ("html", "readability"));
    assert_eq!(report.documents[1].source.as_ref().unwrap().format, "text");
}

#[test]
fn the_charset_of_the_header_decodes_the_page() {
    let base = server();
    let output = run(&["extract", &format!("{base}/cafe")]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("Café owners count the cost\n"), "{text}");
    assert!(text.contains("lost € 2,000"), "{text}");
}

#[test]
fn each_failure_names_the_address_and_why_and_the_others_are_still_compared() {
    let base = server();
    let wire = format!("{}/tests/fixtures/articles/harbour-fire/wire.txt", env!("CARGO_MANIFEST_DIR"));
    let portal = format!("{}/tests/fixtures/articles/harbour-fire/portal.txt", env!("CARGO_MANIFEST_DIR"));
    let (missing, photo, json) = (format!("{base}/gone"), format!("{base}/photo"), format!("{base}/data.json"));
    let output = run(&["compare", &wire, &missing, &photo, &portal, &json, "--json"]);
    let message = failed(output.clone());
    assert!(message.contains(&format!("{missing}: the server answered HTTP 404 (Not Found)")), "{message}");
    assert!(message.contains(&format!("{photo}: is an image (PNG)")), "{message}");
    assert!(message.contains(&format!("{json}: is not a web page (the server sends application/json)")), "{message}");
    let report: Report = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report.documents.len(), 2, "the two readable inputs are compared");
}

#[test]
fn a_slow_answer_times_out_and_oversized_bodies_are_refused() {
    let base = server();
    let slow = format!("{base}/slow");
    let message = failed(run(&["extract", &slow, "--timeout", "1"]));
    assert!(message.contains(&format!("{slow}: no complete answer within 1 s")), "{message}");
    let declared = format!("{base}/declared-huge");
    let message = failed(run(&["extract", &declared]));
    assert!(message.contains(&format!("{declared}: is too large to compare (it is 60 MB")), "{message}");
    let streamed = format!("{base}/streamed-huge");
    let message = failed(run(&["extract", &streamed]));
    assert!(message.contains(&format!("{streamed}: is too large to compare")), "{message}");
}

#[test]
fn an_address_with_no_server_is_named() {
    // Port 1 (tcpmux) has no server on any machine these tests run on.
    let address = "http://127.0.0.1:1/story".to_string();
    let message = failed(run(&["extract", &address]));
    assert!(message.contains(&format!("{address}: the connection was refused")), "{message}");
}
