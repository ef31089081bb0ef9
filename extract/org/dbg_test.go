package org

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestDbg(t *testing.T) {
	s := os.Getenv("ORG_DBG")
	if s == "" {
		t.Skip()
	}
	l, _ := NewLinker(Config{})
	ms, w := l.Find(s, time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC))
	for _, m := range ms {
		fmt.Printf("%+v\n", m)
	}
	fmt.Println(w)
}
