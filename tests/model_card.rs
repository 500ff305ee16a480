//! The model files the library ships are what their scripts made: each file
//! of `model/minilm-signs.json`'s card has the size and sha256 it declares
//! (`scripts/distill-embeddings.py` writes both, from a hash-checked source,
//! the same bytes every run), and `model/match-model.json` records what it
//! was fitted on and how it was measured (`scripts/fit-match-model.py`).

use sha2::{Digest, Sha256};
use std::path::PathBuf;

fn model_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("model")
}

fn json(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(model_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_distilled_files_match_their_card() {
    let card = json("minilm-signs.json");
    let files = card["files"].as_array().expect("the card lists its files");
    assert_eq!(files.len(), 2);
    for file in files {
        let name = file["name"].as_str().expect("a file name");
        let bytes = std::fs::read(model_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(Some(bytes.len() as u64), file["bytes"].as_u64(), "{name}: size");
        let digest: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(Some(digest.as_str()), file["sha256"].as_str(), "{name}: sha256");
    }
    assert_eq!(
        card["source"]["model_safetensors_sha256"],
        "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
    );
    assert!(card["licence"].as_str().is_some_and(|l| l.contains("Apache-2.0")));
}

#[test]
fn the_match_model_says_what_it_was_fitted_on_and_how_it_measured() {
    let model = json("match-model.json");
    let fitted_on = model["fitted_on"].as_object().expect("the data files fitted on");
    assert!(fitted_on.keys().any(|k| k.starts_with("articles/")) && fitted_on.keys().any(|k| k.starts_with("msrp/")));
    assert!(fitted_on.values().all(|h| h.as_str().is_some_and(|h| h.len() == 64)));
    for variant in ["semantic", "lexical"] {
        let cv = model["cross_validation"][variant].as_object().expect("cross-validated figures per variant");
        assert!(cv.values().all(|set| set.is_object()), "{variant}");
        assert!(model["cross_validation"][variant]["msrp_train_10_fold"]["accuracy"].is_f64());
        // Each held-out article set: its link F1 and its unique sentences' F1.
        let sets = cv.iter().filter(|(name, _)| !name.starts_with("msrp"));
        assert!(sets.clone().count() >= 2, "{variant}");
        for (name, set) in sets {
            assert!(set["f1"].is_f64() && set["unique_f1"].is_f64(), "{variant} {name}");
        }
    }
}
