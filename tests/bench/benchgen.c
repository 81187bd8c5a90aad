/*
 * benchgen DIR N [extra|declared]: writes a synthetic minhbach source
 * folder for the benchmark: DIR/content/site.yaml and N Markdown items of
 * Vietnamese administrative prose (3-6 KB each, with front matter) spread
 * over four collections.  Output depends only on N (a seeded PRNG per
 * file); no theme is written: the benchmark copies the project's own.
 * With `extra`, every record also carries fields its kind does not know
 * (zone, sector, area_ha: one warning each per record); with `declared`,
 * the same, declared in site.yaml (no warnings).  The rest of each file
 * is the same in all three.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <utf8proc.h>

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A growable string: the file is built in memory, then written at once. */
struct text {
	char *p;
	size_t len, cap;
};

/* splitmix64: small, fast and the same on every platform. */
struct rng {
	uint64_t s;
};

struct coll {
	const char *name, *kind, *title, *permalink;
	unsigned share;		/* out of 20 files */
	int dated;
};

static const struct coll colls[] = {
	{"tin-tuc", "news", "Tin tức", "/tin-tuc/:slug/", 9, 1},
	{"thong-bao", "news", "Thông báo", "/thong-bao/:slug/", 5, 1},
	{"van-ban", "news", "Văn bản", "/van-ban/:slug/", 4, 1},
	{"trang", "page", "Trang", "/:slug/", 2, 0},
};

static const char *const subjects[] = {
	"Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
	"Ủy ban nhân dân tỉnh", "Sở Kế hoạch và Đầu tư",
	"Sở Tài nguyên và Môi trường", "Đoàn thanh tra liên ngành",
	"Công ty cổ phần Phát triển hạ tầng khu công nghiệp",
	"Hội đồng thẩm định dự án", "Các doanh nghiệp trong khu công nghiệp",
	"Phòng Quản lý đầu tư", "Thanh tra tỉnh", "Văn phòng Ban",
	"Liên đoàn Lao động tỉnh", "Sở Xây dựng", "Cục Thuế tỉnh",
};
static const char *const verbs[] = {
	"đã tổ chức", "đã ban hành", "tiếp tục triển khai", "đề nghị bổ sung",
	"kiểm tra việc thực hiện", "phối hợp rà soát", "công bố công khai",
	"hướng dẫn thủ tục về", "báo cáo kết quả", "thẩm định",
	"phê duyệt điều chỉnh", "giám sát chặt chẽ", "đôn đốc hoàn thành",
	"tiếp nhận hồ sơ về",
};
static const char *const objects[] = {
	"kế hoạch thu hút đầu tư", "dự toán ngân sách nhà nước",
	"hồ sơ đề nghị cấp giấy chứng nhận đăng ký đầu tư",
	"việc chấp hành pháp luật về bảo vệ môi trường",
	"phương án bồi thường, hỗ trợ và tái định cư",
	"quy hoạch chi tiết xây dựng tỷ lệ 1/2000",
	"tình hình sử dụng lao động", "hệ thống xử lý nước thải tập trung",
	"công tác phòng cháy, chữa cháy", "tiến độ giải ngân vốn đầu tư công",
	"danh mục dự án kêu gọi đầu tư", "báo cáo quyết toán năm",
	"đơn giá thuê đất và phí hạ tầng", "chính sách ưu đãi đầu tư",
	"thủ tục hành chính trên môi trường điện tử",
};
static const char *const places[] = {
	"tại KCN Lộc Sơn", "tại KCN Phú Hội", "tại KCN Phú Bình",
	"trên địa bàn thành phố Bảo Lộc", "tại huyện Đức Trọng",
	"trên địa bàn tỉnh Lâm Đồng", "tại thành phố Đà Lạt",
	"trong các khu công nghiệp",
};
static const char *const times[] = {
	"trong quý I", "trong 6 tháng đầu", "đến hết tháng 12",
	"trong quý IV", "từ đầu nhiệm kỳ", "trong tháng 5",
	"theo kế hoạch đã đề ra",
};
static const char *const tails[] = {
	"theo đúng quy định của pháp luật",
	"nhằm nâng cao hiệu quả quản lý nhà nước",
	"bảo đảm công khai, minh bạch", "để kịp thời tháo gỡ khó khăn",
	"góp phần cải thiện môi trường đầu tư kinh doanh",
	"và chịu trách nhiệm trước Ủy ban nhân dân tỉnh",
};
static const char *const headings[] = {
	"Tình hình thực hiện", "Kết quả đạt được", "Tồn tại, hạn chế",
	"Nhiệm vụ trọng tâm", "Kiến nghị, đề xuất", "Căn cứ pháp lý",
	"Tổ chức thực hiện", "Kết quả thanh tra", "Nội dung chính",
	"Giải pháp", "Đánh giá chung", "Phụ lục số liệu",
};
static const char *const kinds_of_news[] = {
	"Hội nghị triển khai", "Thông báo về", "Kết quả kiểm tra",
	"Công khai", "Hướng dẫn thực hiện", "Quyết định phê duyệt",
	"Báo cáo tình hình", "Kế hoạch",
};
static const char *const tags[] = {
	"đầu tư", "thanh tra", "ngân sách", "khu công nghiệp", "môi trường",
	"lao động", "đất đai", "xây dựng", "cải cách hành chính", "hạ tầng",
};
static const char *const zones[] = {
	"kcn-loc-son", "kcn-phu-hoi", "kcn-phu-binh",
};
static const char *const sectors[] = {
	"chế biến nông sản", "dệt may", "cơ khí", "logistics",
	"vật liệu xây dựng", "điện tử",
};

/* Records carry extra fields: 0 no, 1 undeclared, 2 declared. */
static int extra;

static const char *const rows[] = {
	"Số dự án thu hút", "Vốn đăng ký (tỷ đồng)", "Diện tích cho thuê (ha)",
	"Số lao động", "Nộp ngân sách (triệu đồng)", "Tỷ lệ lấp đầy (%)",
	"Doanh thu (tỷ đồng)", "Kim ngạch xuất khẩu (triệu USD)",
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Returns a number in [lo, hi]. */
static unsigned
rng_range(struct rng *r, unsigned lo, unsigned hi)
{
	return lo + (unsigned)(rng_next(r) % (hi - lo + 1));
}

/*
 * The order in which a call's arguments are evaluated is unspecified:
 * never draw twice in one expression, or gcc and clang builds of
 * benchgen would write different files.
 */
#define PICK(r, a) ((a)[rng_next(r) % LEN(a)])

/* Prints "benchgen: [path: ]what" and exits 1. */
static _Noreturn void
die(const char *what, const char *path)
{
	fprintf(stderr, "benchgen: %s%s%s\n", path ? path : "",
	    path ? ": " : "", what);
	exit(1);
}

static void
grow(struct text *t, size_t n)
{
	if (t->len + n + 1 <= t->cap)
		return;
	while (t->len + n + 1 > t->cap)
		t->cap = t->cap ? 2 * t->cap : 8192;
	if ((t->p = realloc(t->p, t->cap)) == NULL)
		die("out of memory", NULL);
}

static void
put(struct text *t, const char *s)
{
	size_t n = strlen(s);

	grow(t, n);
	memcpy(t->p + t->len, s, n + 1);
	t->len += n;
}

static void
putf(struct text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
putf(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("bad format", fmt);
	grow(t, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(t->p + t->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

/* Appends n with '.' between thousands: 1060000000 → 1.060.000.000. */
static void
put_number(struct text *t, unsigned long long n)
{
	char d[32];
	int len = snprintf(d, sizeof d, "%llu", n), i;

	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			put(t, ".");
		grow(t, 1);
		t->p[t->len++] = d[i];
		t->p[t->len] = '\0';
	}
}

/* đ and Đ keep their stroke through decomposition: map them first. */
static utf8proc_int32_t
premap(utf8proc_int32_t c, void *data)
{
	(void)data;
	return c == 0x0110 || c == 0x0111 ? 'd' : c;
}

/* Appends the ASCII slug of s, at most max bytes, to t. */
static void
put_slug(struct text *t, const char *s, size_t max)
{
	utf8proc_uint8_t *d = NULL;
	utf8proc_ssize_t n, i;
	size_t start = t->len;

	n = utf8proc_map_custom((const utf8proc_uint8_t *)s, 0, &d,
	    UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	    UTF8PROC_CASEFOLD, premap, NULL);
	if (n < 0)
		die("bad UTF-8 in vocabulary", s);
	for (i = 0; i < n && t->len - start < max; i++) {
		int c = d[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			grow(t, 1);
			t->p[t->len++] = (char)c;
		} else if (t->len > start && t->p[t->len - 1] != '-') {
			grow(t, 1);
			t->p[t->len++] = '-';
		}
	}
	while (t->len > start && t->p[t->len - 1] == '-')
		t->len--;
	t->p[t->len] = '\0';
	free(d);
}

/* Writes days after 2018-01-01 as YYYY-MM-DD (civil_from_days). */
static void
put_date(struct text *t, unsigned days)
{
	long z = 17532 + (long)days + 719468;	/* 17532: 2018-01-01 */
	long era = z / 146097, doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);

	putf(t, "%04ld-%02ld-%02ld", y, m, d);
}

/* One sentence, sometimes with bold/italic, a figure or a link. */
static void
sentence(struct text *t, struct rng *r, int plain)
{
	unsigned k = rng_range(r, 0, 9), x, y;

	if (plain && (k < 2 || k == 4 || k == 5))
		k = 9;		/* summaries carry no Markdown */
	put(t, PICK(r, subjects));
	put(t, " ");
	put(t, PICK(r, verbs));
	put(t, k == 0 ? " **" : k == 1 ? " *" : " ");
	put(t, PICK(r, objects));
	put(t, k == 0 ? "** " : k == 1 ? "* " : " ");
	put(t, PICK(r, places));
	put(t, " ");
	put(t, PICK(r, times));
	putf(t, " năm %u", rng_range(r, 2018, 2025));
	x = rng_range(r, 10, 999);
	y = rng_range(r, 1, 5000);
	if (k == 2) {
		put(t, " với tổng vốn khoảng ");
		put_number(t, (unsigned long long)rng_range(r, 5, 950) *
		    1000000000ull);
		put(t, " đồng");
	} else if (k == 3) {
		putf(t, ", đạt %u,%u%% kế hoạch", 40 + x % 81, y % 10);
	} else if (k == 4) {
		putf(t, " theo [Quyết định số %u/QĐ-BQL]"
		    "(https://example.invalid/van-ban/qd-%u/)", x, y);
	} else if (k == 5) {
		/* An internal link the build checks (issue 11): to a page
		 * that exists whatever the titles became. */
		putf(t, " (xem [tin liên quan](/tin-tuc/#tin-%u))",
		    rng_range(r, 1, 9999));
	}
	put(t, ", ");
	put(t, PICK(r, tails));
	put(t, ".");
}

static void
paragraph(struct text *t, struct rng *r)
{
	unsigned i, n = rng_range(r, 2, 5);

	for (i = 0; i < n; i++) {
		if (i > 0)
			put(t, i == 2 ? "\n" : " ");
		sentence(t, r, 0);
	}
	put(t, "\n\n");
}

static void
list(struct text *t, struct rng *r)
{
	unsigned i, n = rng_range(r, 3, 6), ordered = rng_range(r, 0, 1);

	for (i = 0; i < n; i++) {
		if (ordered)
			putf(t, "%u. ", i + 1);
		else
			put(t, "- ");
		put(t, PICK(r, verbs));
		put(t, " ");
		put(t, PICK(r, objects));
		put(t, " ");
		put(t, PICK(r, places));
		put(t, ";\n");
	}
	put(t, "\n");
}

static void
table(struct text *t, struct rng *r)
{
	unsigned i, k, n = rng_range(r, 3, 7), y = rng_range(r, 2019, 2024);

	putf(t, "| STT | Chỉ tiêu | Năm %u | Năm %u | Tỷ lệ |\n", y, y + 1);
	put(t, "|--:|:--|--:|--:|--:|\n");
	for (i = 0; i < n; i++) {
		putf(t, "| %u | %s | ", i + 1, PICK(r, rows));
		put_number(t, rng_range(r, 10, 2000000));
		put(t, " | ");
		put_number(t, rng_range(r, 10, 2000000));
		k = rng_range(r, 500, 1809);
		putf(t, " | %u,%u%% |\n", k / 10, k % 10);
	}
	put(t, "\n");
}

/* The body: headings, paragraphs, lists and one table, to target bytes. */
static void
body(struct text *t, struct rng *r, size_t target)
{
	size_t start = t->len;
	unsigned block = 0, tabled = 0;

	paragraph(t, r);
	while (t->len - start < target) {
		unsigned k = rng_range(r, 0, 9);

		if (block % 3 == 0)
			putf(t, "%s %s\n\n", k < 7 ? "##" : "###",
			    PICK(r, headings));
		if (!tabled && (k == 9 || t->len - start > target / 2)) {
			table(t, r);
			tabled = 1;
		} else if (k < 3) {
			list(t, r);
		} else {
			paragraph(t, r);
		}
		block++;
	}
}

/* Writes s to path (truncating), or dies with the reason. */
static void
write_file(const char *path, const struct text *s)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		die(strerror(errno), path);
	if (fwrite(s->p, 1, s->len, f) != s->len || fclose(f) != 0)
		die(strerror(errno), path);
}

static void
make_dir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		die(strerror(errno), path);
}

static void
site_yaml(const char *dir)
{
	struct text t = {0}, path = {0};
	size_t i;

	put(&t, "title: Cổng thông tin thử nghiệm\n"
	    "base_url: https://example.invalid/\n"
	    "languages: [vi]\n"
	    "theme: default\n"
	    "collections:\n");
	for (i = 0; i < LEN(colls); i++) {
		putf(&t, "  %s: {kind: %s, title: %s, permalink: \"%s\"",
		    colls[i].name, colls[i].kind, colls[i].title,
		    colls[i].permalink);
		if (extra == 2)
			put(&t, ",\n    fields: {zone: text, sector: text, "
			    "area_ha: number}");
		put(&t, "}\n");
	}
	putf(&path, "%s/content/site.yaml", dir);
	write_file(path.p, &t);
	free(path.p);
	free(t.p);
}

/* Returns the collection of file i: 9, 5, 4, 2 out of every 20. */
static const struct coll *
coll_of(unsigned long i)
{
	unsigned k = (unsigned)(i % 20), sum = 0;
	size_t c;

	for (c = 0; c < LEN(colls); c++) {
		sum += colls[c].share;
		if (k < sum)
			return &colls[c];
	}
	return &colls[0];
}

/*
 * Writes item i into its collection: news-like items are named
 * YYYY-MM-DD-slug-i.md and carry date, summary and tags; pages are
 * slug-i.md with a title only (the page kind has no other fields).
 * Everything comes from seed i, so file i is the same for every N.
 */
static void
item(const char *dir, unsigned long i)
{
	struct rng r = {0x6d696e6862616368u ^ (i * 0x2545f4914f6cdd1du)};
	const struct coll *c = coll_of(i);
	struct text title = {0}, date = {0}, path = {0}, t = {0};
	unsigned ntags, k, first;
	size_t target;

	put(&title, PICK(&r, kinds_of_news));
	put(&title, " ");
	put(&title, PICK(&r, objects));
	put(&title, " ");
	put(&title, PICK(&r, places));
	putf(&title, " năm %u", rng_range(&r, 2018, 2025));
	put_date(&date, rng_range(&r, 0, 2900));
	putf(&path, "%s/content/%s/", dir, c->name);
	if (c->dated)
		putf(&path, "%s-", date.p);
	put_slug(&path, title.p, 60);
	putf(&path, "-%lu.md", i);
	putf(&t, "---\ntitle: \"%s\"\n", title.p);
	if (extra) {
		/* Their own generator: the rest of the file stays the same. */
		struct rng e = {r.s ^ 0x7a6f6e65u};
		unsigned ha = rng_range(&e, 5, 4000);

		putf(&t, "zone: %s\n", PICK(&e, zones));
		putf(&t, "sector: %s\n", PICK(&e, sectors));
		putf(&t, "area_ha: %u.%u\n", ha / 10, ha % 10);
	}
	if (c->dated) {
		putf(&t, "date: %s\nsummary: \"", date.p);
		sentence(&t, &r, 1);
		put(&t, "\"\ntags: [");
		ntags = rng_range(&r, 1, 3);
		first = rng_range(&r, 0, LEN(tags) - 1);
		for (k = 0; k < ntags; k++)
			putf(&t, "%s%s", k ? ", " : "",
			    tags[(first + 3 * k) % LEN(tags)]);
		put(&t, "]\n");
	}
	put(&t, "---\n");
	/* The last block overshoots by up to ~1 KB: aim at 3.0-5.2 KB. */
	target = rng_range(&r, 3000, 5200);
	body(&t, &r, target > t.len + 1024 ? target - t.len : 1024);
	write_file(path.p, &t);
	free(title.p);
	free(date.p);
	free(path.p);
	free(t.p);
}

int
main(int argc, char **argv)
{
	struct text p = {0};
	unsigned long n, i;
	size_t c;
	char *end;

	if (argc == 4 && strcmp(argv[3], "extra") == 0)
		extra = 1;
	else if (argc == 4 && strcmp(argv[3], "declared") == 0)
		extra = 2;
	else if (argc != 3)
		die("usage: benchgen DIR N [extra|declared]", NULL);
	errno = 0;
	n = strtoul(argv[2], &end, 10);
	if (errno != 0 || *end != '\0' || end == argv[2] || n > 10000000)
		die("N must be a whole number up to 10000000", argv[2]);
	make_dir(argv[1]);
	putf(&p, "%s/content", argv[1]);
	make_dir(p.p);
	for (c = 0; c < LEN(colls); c++) {
		p.len = 0;
		putf(&p, "%s/content/%s", argv[1], colls[c].name);
		make_dir(p.p);
	}
	free(p.p);
	site_yaml(argv[1]);
	for (i = 0; i < n; i++)
		item(argv[1], i);
	printf("%lu\n", n);
	return 0;
}
