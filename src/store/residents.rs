//! Residents: registering, correcting, finding by name and forgetting.
//!
//! Names are stored in NFC with a folded search key beside them
//! (`text::fold`: no marks, đ→d, lowercase), so "nguyen thi hang", typed on a
//! keyboard without Vietnamese, finds "Nguyễn Thị Hằng". Forgetting erases
//! the personal fields and leaves a marker in `forgotten` so a later merge of
//! an older bundle cannot bring the person back.

use chrono::Datelike;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{Result, Store, StoreError, now_ms};
use crate::text::{fold, nfc};

/// What a person types to register (or correct) a resident.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewResident {
    pub full_name: String,
    pub birth_year: i32,
    /// Residential group (tổ dân phố), from 1.
    pub group_no: i64,
    /// Address or house number, so households can be counted.
    pub household: String,
    pub phone: Option<String>,
    /// The consent notice version the resident agreed to, if any.
    pub consent_version: Option<String>,
}

/// A stored resident. A forgotten one has an empty name and no birth year.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Resident {
    pub id: String,
    pub site_id: String,
    pub full_name: String,
    pub birth_year: Option<i32>,
    pub group_no: i64,
    pub household: String,
    pub phone: Option<String>,
    pub consent_at: Option<i64>,
    pub consent_version: Option<String>,
    pub created_at: i64,
    pub forgotten: bool,
}

const COLUMNS: &str = "id, site_id, full_name, birth_year, group_no, household, phone, \
                       consent_at, consent_version, created_at, forgotten_at";

fn from_row(r: &Row) -> rusqlite::Result<Resident> {
    Ok(Resident {
        id: r.get(0)?,
        site_id: r.get(1)?,
        full_name: r.get(2)?,
        birth_year: r.get(3)?,
        group_no: r.get(4)?,
        household: r.get(5)?,
        phone: r.get(6)?,
        consent_at: r.get(7)?,
        consent_version: r.get(8)?,
        created_at: r.get(9)?,
        forgotten: r.get::<_, Option<i64>>(10)?.is_some(),
    })
}

/// The cleaned fields of a [`NewResident`], ready to store.
struct Clean {
    name: String,
    key: String,
    birth_year: i32,
    group_no: i64,
    household: String,
    household_key: String,
    phone: Option<String>,
    consent_version: Option<String>,
}

/// Checks and normalises what was typed: NFC, trimmed, plausible values.
pub fn validate(r: &NewResident) -> Result<()> {
    clean(r).map(|_| ())
}

fn clean(r: &NewResident) -> Result<Clean> {
    let name = collapse(&nfc(&r.full_name));
    if name.is_empty() {
        return Err(StoreError::invalid("name", "must not be empty"));
    }
    if name.chars().count() > 100 {
        return Err(StoreError::invalid("name", "is longer than 100 letters"));
    }
    let this_year = chrono::Local::now().year();
    if !(1900..=this_year).contains(&r.birth_year) {
        return Err(StoreError::invalid(
            "birth year",
            format!("{} is not a year from 1900 to {this_year}", r.birth_year),
        ));
    }
    if r.group_no < 1 {
        return Err(StoreError::invalid(
            "group",
            format!("{} is not a group number (1 or more)", r.group_no),
        ));
    }
    let household = collapse(&nfc(&r.household));
    let phone = r
        .phone
        .as_deref()
        .map(|p| collapse(&nfc(p)))
        .filter(|p| !p.is_empty());
    if let Some(p) = &phone
        && !p
            .chars()
            .all(|c| c.is_ascii_digit() || " +-.()".contains(c))
    {
        return Err(StoreError::invalid(
            "phone",
            format!("{p:?} has characters a phone number does not have"),
        ));
    }
    Ok(Clean {
        key: fold(&name),
        name,
        birth_year: r.birth_year,
        group_no: r.group_no,
        household_key: fold(&household),
        household,
        phone,
        consent_version: r
            .consent_version
            .as_deref()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty()),
    })
}

/// Trims and turns every run of white space into one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Store {
    /// Registers a resident; the id is `<site_id>-<n>`.
    pub fn add_resident(&self, r: &NewResident) -> Result<Resident> {
        let mut added = self.add_residents(std::slice::from_ref(r))?;
        Ok(added.remove(0))
    }

    /// Registers several residents in one transaction: all or none (used by
    /// the roster import, where one fsync per row would take minutes).
    pub fn add_residents(&self, list: &[NewResident]) -> Result<Vec<Resident>> {
        let cleaned = list.iter().map(clean).collect::<Result<Vec<_>>>()?;
        let at = now_ms();
        let site = self.site_id().to_string();
        let ids = self.write(|tx| {
            let mut ids = Vec::with_capacity(cleaned.len());
            for c in &cleaned {
                let id = next_resident_id(tx, &site)?;
                tx.execute(
                    "INSERT INTO residents (id, site_id, full_name, search_key, birth_year, group_no,
                         household, household_key, phone, consent_at, consent_version, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                    params![
                        id,
                        site,
                        c.name,
                        c.key,
                        c.birth_year,
                        c.group_no,
                        c.household,
                        c.household_key,
                        c.phone,
                        c.consent_version.as_ref().map(|_| at),
                        c.consent_version,
                        at
                    ],
                )?;
                ids.push(id);
            }
            Ok(ids)
        })?;
        Ok(ids
            .into_iter()
            .zip(cleaned)
            .map(|(id, c)| Resident {
                id,
                site_id: site.clone(),
                full_name: c.name,
                birth_year: Some(c.birth_year),
                group_no: c.group_no,
                household: c.household,
                phone: c.phone,
                consent_at: c.consent_version.as_ref().map(|_| at),
                consent_version: c.consent_version,
                created_at: at,
                forgotten: false,
            })
            .collect())
    }

    /// Corrects a resident's fields. Consent is kept when `r` gives none and
    /// re-dated when it names a different notice version.
    pub fn update_resident(&self, id: &str, r: &NewResident) -> Result<()> {
        let c = clean(r)?;
        let at = now_ms();
        let changed = self.write(|tx| {
            tx.execute(
                "UPDATE residents SET full_name = ?2, search_key = ?3, birth_year = ?4, group_no = ?5,
                     household = ?6, household_key = ?7, phone = ?8,
                     consent_at = CASE WHEN ?9 IS NULL OR ?9 IS consent_version THEN consent_at ELSE ?10 END,
                     consent_version = COALESCE(?9, consent_version),
                     updated_at = ?10
                 WHERE id = ?1 AND forgotten_at IS NULL",
                params![
                    id,
                    c.name,
                    c.key,
                    c.birth_year,
                    c.group_no,
                    c.household,
                    c.household_key,
                    c.phone,
                    c.consent_version,
                    at
                ],
            )
        })?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "resident",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    /// The resident with `id`, forgotten or not.
    pub fn resident(&self, id: &str) -> Result<Option<Resident>> {
        self.read(|c| {
            c.query_row(
                &format!("SELECT {COLUMNS} FROM residents WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()
        })
    }

    /// A resident (not forgotten) with the same name (accents aside), birth
    /// year and group as `r`: probably the same person registered before.
    pub fn matching_resident(&self, r: &NewResident) -> Result<Option<Resident>> {
        let key = fold(&r.full_name);
        self.read(|c| {
            c.query_row(
                &format!(
                    "SELECT {COLUMNS} FROM residents
                     WHERE search_key = ?1 AND birth_year = ?2 AND group_no = ?3 AND forgotten_at IS NULL
                     ORDER BY id LIMIT 1"
                ),
                params![key, r.birth_year, r.group_no],
                from_row,
            )
            .optional()
        })
    }

    /// Every resident not forgotten, optionally of one group, by group then
    /// name.
    pub fn list_residents(&self, group: Option<i64>) -> Result<Vec<Resident>> {
        self.read(|c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {COLUMNS} FROM residents
                 WHERE forgotten_at IS NULL AND (?1 IS NULL OR group_no = ?1)
                 ORDER BY group_no, search_key, full_name, id"
            ))?;
            let rows = stmt.query_map([group], from_row)?;
            rows.collect()
        })
    }

    /// Residents whose name contains what was typed, accents and case
    /// ignored, best first: the whole name, then a word starting with it,
    /// then anywhere inside; ties by name. Words typed in another order
    /// ("hang nguyen") still match, after those.
    pub fn find_residents(&self, query: &str, limit: usize) -> Result<Vec<Resident>> {
        let q = fold(query);
        if q.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let words: Vec<&str> = q.split(' ').collect();
        let mut index = self.names.borrow_mut();
        self.read(|c| {
            index.refresh(c)?;
            let best = index.best(&q, &words, limit);
            let mut stmt =
                c.prepare_cached(&format!("SELECT {COLUMNS} FROM residents WHERE rowid = ?1"))?;
            let mut found = Vec::with_capacity(best.len());
            for (rank, key, rowid) in best {
                found.push((rank, key, stmt.query_row([rowid], from_row)?));
            }
            // Among equal keys (Hằng, Hàng) the name decides, then the id.
            found.sort_by(|a, b| {
                (a.0, a.1, &a.2.full_name, &a.2.id).cmp(&(b.0, b.1, &b.2.full_name, &b.2.id))
            });
            Ok(found.into_iter().map(|(_, _, r)| r).collect())
        })
    }

    /// Erases a resident's personal fields and records that they were
    /// forgotten. Their learning records stay (they are anonymous without
    /// the name) so totals do not change.
    pub fn forget_resident(&self, id: &str) -> Result<()> {
        let at = now_ms();
        let site = self.site_id().to_string();
        let found = self.write(|tx| {
            let changed = tx.execute(
                "UPDATE residents SET full_name = '', search_key = '', birth_year = NULL,
                     household = '', household_key = '', phone = NULL,
                     forgotten_at = COALESCE(forgotten_at, ?2), updated_at = ?2
                 WHERE id = ?1",
                params![id, at],
            )?;
            if changed > 0 {
                tx.execute(
                    "INSERT OR IGNORE INTO forgotten (resident_id, site_id, forgotten_at)
                     VALUES (?1, ?2, ?3)",
                    params![id, site, at],
                )?;
            }
            Ok(changed > 0)
        })?;
        if !found {
            return Err(StoreError::NotFound {
                what: "resident",
                id: id.to_string(),
            });
        }
        Ok(())
    }
}

/// The next free `<site>-<n>`. The counter lives in `meta`; the existence
/// check covers ids that arrived another way (a merge of this site's own
/// bundle, a restored backup).
fn next_resident_id(tx: &Transaction, site: &str) -> rusqlite::Result<String> {
    let key = format!("resident_seq:{site}");
    let mut n: i64 = tx
        .query_row("SELECT value FROM meta WHERE key = ?1", [&key], |r| {
            r.get::<_, String>(0)
        })
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let id = loop {
        n += 1;
        let id = format!("{site}-{n}");
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM residents WHERE id = ?1)",
            [&id],
            |r| r.get(0),
        )?;
        if !taken {
            break id;
        }
    };
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, n.to_string()],
    )?;
    Ok(id)
}

#[cfg(test)]
mod tests;
