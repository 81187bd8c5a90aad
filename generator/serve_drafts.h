/*
 * What is not to be published yet: drafts (`draft: true`), records
 * dated after the build date, records whose publish_on is after it.  A
 * build leaves them out; the preview (`minhbach serve`) shows them with
 * a banner.  And what is no longer listed: a notice (a news item) past
 * its expires_on.
 */
#ifndef MINHBACH_SERVE_DRAFTS_H
#define MINHBACH_SERVE_DRAFTS_H

#include <stdbool.h>

struct site;

/*
 * Runs once the schemas are known (their date fields) and before the
 * model makes pages.  A record whose date field (or, without one, the
 * date its file name starts with) is after s->build_date is marked a
 * draft, with a warning at its date (publish.scheduled), unless its kind
 * dates something other than its publication (a consultation announces
 * the day comments open).  A record whose publish_on is after the build
 * date is held back the same way, with publish.publish-on at the field.
 * With preview, nothing is held back instead: every draft is shown, and
 * the data of a draft gets preview_draft: true and that of a record not
 * yet due preview_future: true (and preview_on, its publish_on day), for
 * the theme's banner.  A news item whose expires_on is before the build
 * date gets it->expired (site_shows() leaves it out of every list) and
 * expired: true.  A translation without publish_on or expires_on takes
 * its main-language record's.  Arena memory; never fails.
 */
void serve_drafts_apply(struct site *s, bool preview);

#endif
