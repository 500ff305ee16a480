//! Pins the serialized shape of the report — field names, nesting, enum
//! spellings, UTF-16 offsets — that the command line's `--json`, the wasm
//! API and the front end share. A change to the model shows up here as a
//! diff of `tests/snapshots/*.json`; regenerate them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test report_schema` and review the diff.

use article_compare::{compare, segment_text, Document, Options};
use std::path::PathBuf;

fn check_snapshot(name: &str, value: &serde_json::Value) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(format!("{name}.json"));
    let rendered = serde_json::to_string_pretty(value).expect("serializes") + "\n";
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("creates the folder");
        std::fs::write(&path, &rendered).expect("writes the snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("{} is missing: run UPDATE_SNAPSHOTS=1 cargo test --test report_schema", path.display())
    });
    assert_eq!(
        rendered, expected,
        "the {name} snapshot changed; if on purpose, regenerate it (see this file's header)"
    );
}

/// Two short outlets with a shared sentence whose figure changed, a
/// verbatim sentence, chrome, and characters outside the BMP so that UTF-16
/// offsets differ from byte and char offsets.
fn sample() -> Vec<Document> {
    vec![
        Document::new(
            "Wire",
            "Fire at Rotterdam port 🔥\nBy Anna de Vries, Northwind News\n\nAt least 14 workers were injured in the fire, officials said. The terminal will stay closed until Wednesday.\nAdvertisement",
        ),
        Document::new(
            "Daily",
            "Rotterdam port fire\n\nThe terminal will stay closed until Wednesday. At least 17 workers were injured in the fire, officials said on Sunday. The union blamed battery storage.",
        ),
    ]
}

#[test]
fn report_shape() {
    let report = compare(&sample(), &Options::default()).expect("compares");
    let mut value = serde_json::to_value(&report).expect("serializes");
    // The version changes with every release; the shape does not.
    value["version"] = serde_json::Value::from("VERSION");
    check_snapshot("report", &value);
}

#[test]
fn segment_shape() {
    let segments = segment_text(&sample()[0].text, &Options::default());
    check_snapshot("segments", &serde_json::to_value(&segments).expect("serializes"));
}

#[test]
fn json_round_trip() {
    let report = compare(&sample(), &Options::default()).expect("compares");
    let json = serde_json::to_string(&report).expect("serializes");
    let back: article_compare::Report = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, report);
}
