//! Character repairs: decoding bytes, normalizing characters, folding
//! radicals, reading mojibake back, and the writer's choices (policy).

pub mod decode;
pub mod mojibake;
pub mod normalize;
pub mod policy;
pub mod radicals;
