//! Integration tests of alaqat-extract: dates, entities, events and claims on small fixtures,
//! snapshots of the demo corpus, and property tests of the output's invariants.

mod claims;
mod commitments_flags;
mod conflict;
mod dates;
mod entities;
mod events;
mod hostile;
mod people;
mod properties;
mod snapshots;
mod support;
