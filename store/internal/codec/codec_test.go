package codec_test

import (
	"bytes"
	"testing"

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
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, enc := range []string{codec.Encoding, "identity"} {
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
