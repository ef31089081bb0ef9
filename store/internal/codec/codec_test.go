package codec_test

import (
	"bytes"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/store/internal/codec"
)

func TestRoundTrip(t *testing.T) {
	c, err := codec.New()
	require.NoError(t, err)
	defer c.Close()
	tests := []struct {
		name string
		body []byte
	}{
		{name: "nil", body: nil},
		{name: "html", body: bytes.Repeat([]byte("<p>It's; \"quoted\"</p>\n"), 1000)},
		{name: "binary", body: []byte{0, 1, 2, 0xff, 0xfe, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			z := c.Compress(tc.body)
			if len(tc.body) > 1000 {
				assert.Less(t, len(z), len(tc.body)/10, "compressed")
			}
			got, err := c.Decompress(z, codec.Encoding)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(tc.body, got))
		})
	}
}

func gzipped(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(b)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func TestEncode(t *testing.T) {
	c, err := codec.New()
	require.NoError(t, err)
	defer c.Close()
	page := bytes.Repeat([]byte("<p>A page that arrived gzipped.</p>\n"), 200)
	gz := gzipped(t, page)
	twoMembers := append(gzipped(t, page[:100]), gzipped(t, page[100:])...)
	tests := []struct {
		name     string
		body, gz []byte
		wantEnc  string
	}{
		{name: "the gzip stream it arrived in is kept", body: page, gz: gz, wantEnc: codec.Gzip},
		{name: "no gzip stream: zstd", body: page, wantEnc: codec.Encoding},
		{name: "a trailer that disagrees with the body: zstd", body: page[1:], gz: gz, wantEnc: codec.Encoding},
		{name: "several members (the trailer counts the last): zstd", body: page, gz: twoMembers, wantEnc: codec.Encoding},
		{name: "not gzip: zstd", body: page, gz: append([]byte("PK"), gz[2:]...), wantEnc: codec.Encoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stored, enc := c.Encode(tt.body, tt.gz)
			assert.Equal(t, tt.wantEnc, enc)
			got, err := c.Decompress(stored, enc)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(tt.body, got), "round trip")
		})
	}
}

func TestDecompressErrors(t *testing.T) {
	c, err := codec.New()
	require.NoError(t, err)
	defer c.Close()
	got, err := c.Decompress([]byte("plain"), "identity")
	require.NoError(t, err)
	assert.Equal(t, "plain", string(got))
	_, err = c.Decompress([]byte("x"), "brotli")
	require.Error(t, err)
	_, err = c.Decompress([]byte("not zstd at all"), codec.Encoding)
	require.Error(t, err)

	// A small stored value that would inflate past MaxBody is refused.
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest))
	require.NoError(t, err)
	bomb := enc.EncodeAll(make([]byte, codec.MaxBody+1), nil)
	require.NoError(t, enc.Close())
	assert.Less(t, len(bomb), 1<<20)
	_, err = c.Decompress(bomb, codec.Encoding)
	require.ErrorIs(t, err, codec.ErrTooLarge)

	_, err = c.Decompress([]byte("not gzip at all"), codec.Gzip)
	require.Error(t, err)
	gz := gzipped(t, []byte("<p>a page</p>"))
	_, err = c.Decompress(gz[:len(gz)-6], codec.Gzip)
	require.Error(t, err, "a truncated gzip stream")
	gzBomb := gzipped(t, make([]byte, codec.MaxBody+1))
	assert.Less(t, len(gzBomb), 1<<20)
	_, err = c.Decompress(gzBomb, codec.Gzip)
	require.ErrorIs(t, err, codec.ErrTooLarge)
}

func TestPGText(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: "plain; 'quoted'", want: "plain; 'quoted'"},
		{in: "a\x00b", want: "ab"},
		{in: "bad \xff byte", want: "bad \uFFFD byte"},
		{in: "", want: ""},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, codec.PGText(tc.in))
	}
}

// FuzzDecompress reads arbitrary stored bytes: never a panic, never more
// than MaxBody, and what Compress wrote reads back.
func FuzzDecompress(f *testing.F) {
	c, err := codec.New()
	require.NoError(f, err)
	defer c.Close()
	f.Add([]byte("<p>a page</p>"))
	f.Add(c.Compress([]byte("<p>a page</p>")))
	f.Add([]byte{0x28, 0xb5, 0x2f, 0xfd, 0, 0x58})
	f.Add(gzipped(f, []byte("<p>a page</p>")))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, enc := range []string{codec.Encoding, codec.Gzip, "identity"} {
			out, err := c.Decompress(b, enc)
			if err == nil && len(out) > codec.MaxBody {
				t.Fatalf("%s: %d bytes", enc, len(out))
			}
		}
		got, err := c.Decompress(c.Compress(b), codec.Encoding)
		require.NoError(t, err)
		if !bytes.Equal(got, b) && len(b) > 0 {
			t.Fatalf("round trip changed %d bytes", len(b))
		}
	})
}
