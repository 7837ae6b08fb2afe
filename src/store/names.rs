//! The name search index: every resident's folded search key, held in
//! memory by each seat as one text (`\nkey\nkey\n…`) searched with `memmem`.
//! Finding a name among 100,000 then takes about a millisecond; the same
//! scan in SQL (or one `contains` per key) took tens of milliseconds, too
//! slow to search as a senior types.
//!
//! The copy is checked against `meta.residents_rev`, which triggers
//! (migration 3) bump on every insert, delete or search-key change by any
//! connection, so a name registered at another seat or merged from a bundle
//! is found at once, and the keys are reloaded only when names changed.

use memchr::memmem;
use rusqlite::{Connection, OptionalExtension};

/// One seat's copy of the search keys.
#[derive(Default)]
pub(crate) struct NameIndex {
    /// The `residents_rev` the copy was made at; `None`: not loaded.
    rev: Option<String>,
    /// `\n` before every key and after the last. Keys never hold a line
    /// break (folding turns white space into single spaces).
    text: Vec<u8>,
    /// Where each key starts in `text`, ascending.
    starts: Vec<usize>,
    rowids: Vec<i64>,
}

/// How well a key matches, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rank {
    Exact,
    WordPrefix,
    Inside,
    /// Every typed word is in the name, but not as one phrase.
    Words,
}

impl NameIndex {
    /// Reloads the keys if names changed since the copy was made. Runs in
    /// the caller's read transaction, so the copy matches what it reads next.
    pub(crate) fn refresh(&mut self, c: &Connection) -> rusqlite::Result<()> {
        let rev: Option<String> = c
            .query_row(
                "SELECT value FROM meta WHERE key = 'residents_rev'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        // Without a counter (a database the store did not migrate) the copy
        // can never be trusted, so it is made again each time.
        if rev.is_some() && rev == self.rev {
            return Ok(());
        }
        let mut stmt =
            c.prepare("SELECT rowid, search_key FROM residents WHERE search_key <> ''")?;
        let mut rows = stmt.query([])?;
        let mut fresh = NameIndex {
            rev,
            text: vec![b'\n'],
            ..Default::default()
        };
        while let Some(row) = rows.next()? {
            let key = row.get_ref(1)?.as_str()?;
            fresh.starts.push(fresh.text.len());
            fresh.rowids.push(row.get(0)?);
            fresh.text.extend_from_slice(key.as_bytes());
            fresh.text.push(b'\n');
        }
        *self = fresh;
        Ok(())
    }

    fn key_bytes(&self, i: usize) -> &[u8] {
        let end = self.starts.get(i + 1).map_or(self.text.len(), |s| *s) - 1;
        &self.text[self.starts[i]..end]
    }

    fn key(&self, i: usize) -> &str {
        std::str::from_utf8(self.key_bytes(i)).expect("keys are text")
    }

    /// Every entry whose key contains `needle`, ascending, each once with
    /// its best rank. The hits come in text order, so one walk along
    /// `starts` finds their entries.
    fn containing(&self, needle: &str) -> Vec<(usize, Rank)> {
        let mut found: Vec<(usize, Rank)> = Vec::new();
        let mut i = 0;
        for at in memmem::find_iter(&self.text, needle.as_bytes()) {
            while i + 1 < self.starts.len() && self.starts[i + 1] <= at {
                i += 1;
            }
            let start = self.starts[i];
            let rank = if at == start {
                if self.key_bytes(i).len() == needle.len() {
                    Rank::Exact
                } else {
                    Rank::WordPrefix
                }
            } else if self.text[at - 1] == b' ' {
                Rank::WordPrefix
            } else {
                Rank::Inside
            };
            match found.last_mut() {
                Some((last, best)) if *last == i => *best = (*best).min(rank),
                _ => found.push((i, rank)),
            }
        }
        found
    }

    /// The best `limit` matches of the folded query `q` (split in `words`)
    /// as (rank, key, rowid), best first; ties by key, then rowid.
    pub(crate) fn best(&self, q: &str, words: &[&str], limit: usize) -> Vec<(Rank, &str, i64)> {
        let mut hits = self.containing(q);
        if words.len() > 1 {
            // Words in another order: entries holding every word, less those
            // already found as a phrase.
            let mut all: Vec<usize> = self
                .containing(words[0])
                .into_iter()
                .map(|(i, _)| i)
                .collect();
            for w in &words[1..] {
                let with = self.containing(w);
                all.retain(|i| with.binary_search_by_key(i, |(j, _)| *j).is_ok());
            }
            all.retain(|i| hits.binary_search_by_key(i, |(j, _)| *j).is_err());
            hits.extend(all.into_iter().map(|i| (i, Rank::Words)));
        }
        let order = |a: &(usize, Rank), b: &(usize, Rank)| {
            (a.1, self.key_bytes(a.0), self.rowids[a.0]).cmp(&(
                b.1,
                self.key_bytes(b.0),
                self.rowids[b.0],
            ))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits.into_iter()
            .map(|(i, rank)| (rank, self.key(i), self.rowids[i]))
            .collect()
    }
}
