/*
 * What is not to be published yet: drafts (`draft: true`) and records
 * dated after the build date.  A build leaves both out; the preview
 * (`minhbach serve`) shows them with a banner.
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
 * the day comments open).  With preview, nothing is held back instead:
 * every draft is shown, and the data of a draft gets preview_draft: true
 * and that of a future-dated record preview_future: true, for the
 * theme's banner.  Arena memory; never fails.
 */
void serve_drafts_apply(struct site *s, bool preview);

#endif
