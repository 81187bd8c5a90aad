/*
 * Model stage (opportunities.c): the investors' page of land available
 * now, /co-hoi-dau-tu/ (/en/opportunities/; site.yaml's `segments:
 * {opportunities: …}` changes it): every zone's vacant lots (lot, area,
 * use) with the zone's prices, the lots' total per zone and over all
 * zones, and the investment calls open in that zone.
 */
#ifndef MINHBACH_OPPORTUNITIES_H
#define MINHBACH_OPPORTUNITIES_H

struct site;
struct theme;

/*
 * One page per language, rendered with the theme's template
 * "opportunities"; a theme without it (an older one) gets no page, as a
 * site without a collection of kind zone.  Sets the globals'
 * opportunities_url for a link from any page.  Frame keys: title, url,
 * zones: [{id, name, url, as_of_text, prices_text, lots: [{lot, area_text,
 * use}], has_lots, lots_text "2 lô", total_text "6,129 ha", calls:
 * [{title, url, deadline_text}], has_calls}] (zones with free lots or
 * open calls), has_zones, total_text.
 */
void opportunities_model(struct site *s, const struct theme *th);

#endif
