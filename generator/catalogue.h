/*
 * The page of the categories of information the law requires the
 * portal to carry (Luật Tiếp cận thông tin 2016 Điều 17, 19; NĐ 224/2026
 * Điều 9), from site.yaml's access_info, with a link to where each is
 * published or "not yet".
 */
#ifndef MINHBACH_CATALOGUE_H
#define MINHBACH_CATALOGUE_H

struct site;
struct theme;

/*
 * Model stage, after records_model(): adds the page in every language
 * (template catalogue, else single) when site.yaml has access_info.
 * A malformed access_info is a located error; a category naming an
 * undeclared collection a warning (it shows as not yet published).
 */
void catalogue_model(struct site *s, const struct theme *th);

#endif
