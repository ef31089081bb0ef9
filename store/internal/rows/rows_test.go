package rows_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store/internal/rows"
	"github.com/cuttings/cuttings/store/storetest"
)

func TestBuild(t *testing.T) {
	rec := storetest.Record(3) // no publication date
	set, err := rows.Build(&rec, nil)
	require.NoError(t, err)
	assert.Equal(t, rec.ID, set.Article.ID)
	assert.Equal(t, `["Chloe Writer","Sam Reporter"]`, set.Article.Authors)
	assert.Equal(t, `["charset guessed"]`, set.Article.Warnings)
	assert.Equal(t, *rec.Source.WARCRecordID, set.Article.WARCRecordID)
	require.Len(t, set.Claims, 2)
	for _, c := range set.Claims {
		assert.Equal(t, rec.ID, c.ArticleID, "article id on every row")
		assert.Equal(t, rec.URL, c.URL, "url on every row")
		assert.Empty(t, c.Published)
	}
	assert.EqualValues(t, 1, set.Claims[1].Ord)
	assert.Equal(t, "2023-09-19", set.Claims[0].PeriodStart)
	assert.Empty(t, set.Claims[1].PeriodStart, "no period")
	assert.Equal(t, `["2023-09-18","2023-09-19"]`, set.Dates[1].Days)
	assert.Empty(t, set.Dates[0].Days, "no list of days")
	assert.EqualValues(t, 1, set.Organisations[0].MentionCount)
	assert.Contains(t, set.Organisations[0].Mentions, `"how":"named"`)
	assert.Equal(t, "QXX", set.Organisations[2].ODSCode)
	assert.Empty(t, set.Organisations[2].Candidates, "settled: no candidates (NULL)")
	assert.Equal(t, `["RAA","RBB"]`, set.Organisations[3].Candidates)

	empty := normalize.Record{ID: "x"}
	set, err = rows.Build(&empty, nil)
	require.NoError(t, err)
	assert.Equal(t, "[]", set.Article.Authors, "empty lists are [] not null")
	assert.Empty(t, set.Quotes)
}

func TestBuildClean(t *testing.T) {
	rec := storetest.Record(1)
	rec.Text = "a\x00b\xffc"
	rec.Authors = []string{"N\x00UL"}
	set, err := rows.Build(&rec, func(s string) string { return strings.ReplaceAll(s, "\x00", "") })
	require.NoError(t, err)
	assert.Equal(t, "ab\xffc", set.Article.Text)
	assert.Equal(t, `["NUL"]`, set.Article.Authors)
}

func TestClaimOf(t *testing.T) {
	rec := storetest.Record(1)
	set, err := rows.Build(&rec, nil)
	require.NoError(t, err)
	for i, c := range set.Claims {
		assert.Equal(t, rec.Claims[i], rows.ClaimOf(c))
	}
}

func TestLatest(t *testing.T) {
	a1 := normalize.Record{ID: "b", Title: "first"}
	a2 := normalize.Record{ID: "b", Title: "second"}
	c := normalize.Record{ID: "a"}
	got := rows.Latest([]normalize.Record{a1, c, a2})
	require.Len(t, got, 2)
	assert.Equal(t, "a", got[0].ID)
	assert.Equal(t, "second", got[1].Title, "the last duplicate wins")
	assert.Empty(t, rows.Latest(nil))
}

func TestTables(t *testing.T) {
	for _, tb := range append([]rows.Table{rows.Articles}, rows.Children...) {
		names := tb.Names()
		seen := map[string]bool{}
		for _, n := range names {
			assert.False(t, seen[n], "%s.%s twice", tb.Name, n)
			seen[n] = true
		}
		assert.True(t, seen["url"], "%s has url", tb.Name)
		assert.True(t, seen["published"], "%s has published", tb.Name)
		if tb.Name != "articles" {
			assert.Equal(t, []string{"article_id", "url", "published", "ord"}, names[:4], tb.Name)
		}
	}
	assert.True(t, strings.HasPrefix(rows.Claims.Qualified("c"), "c.article_id, c.url, c.published, c.ord, "))
	q := rows.Quote{ArticleID: "x", URL: "u", Ord: 2, Text: "t", Cue: "said", Kind: "direct", SpanEnd: 5}
	vals := rows.Quotes.Values(nil, q)
	require.Len(t, vals, len(rows.Quotes.Columns))
	assert.Nil(t, vals[2], "empty published is NULL")
	assert.Equal(t, int64(2), vals[3])
	assert.Nil(t, vals[5], "empty speaker is NULL")
	assert.Equal(t, "said", vals[8])
}
