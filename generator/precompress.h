/*
 * `build --precompress`: beside every text file of the finished output
 * (HTML, CSS, JavaScript, JSON, CSV, XML, SVG, Atom, plain text) of at
 * least PRECOMPRESS_MIN bytes, its gzip form FILE.gz, for a web server
 * that serves precompressed files (nginx's gzip_static).  The files are
 * made by the system's gzip (-n: no name, no time), so the output stays
 * byte-identical from run to run and minhbach links no compressor.
 */
#ifndef MINHBACH_PRECOMPRESS_H
#define MINHBACH_PRECOMPRESS_H

#include <stddef.h>

struct diags;

/* Smaller files gain nothing worth a second file (nginx's default
 * gzip_min_length is 20; a 256-byte page shrinks by a few bytes). */
#define PRECOMPRESS_MIN 256

/* True when a file named name with size bytes gets a .gz twin. */
int precompress_wanted(const char *name, long long size);
/* Writes the .gz twins under the folder dir (the build's temporary
 * folder, before the swap).  Returns the number of files compressed, or
 * -1 after a diagnostic. */
long precompress_dir(struct diags *d, const char *dir);

#endif
