package org

import (
	"encoding/json"
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
	if s == "bench" || s == "news" {
		texts := benchTexts(t)
		if s == "news" {
			raw, _ := os.ReadFile("/tmp/orgdbg/news.json")
			texts = nil
			_ = json.Unmarshal(raw, &texts)
		}
		for _, tx := range texts {
			ms, w := l.Find(tx, time.Date(2019, 11, 1, 0, 0, 0, 0, time.UTC))
			for _, m := range ms {
				ctx := tx[max(0, m.Start-40):min(len(tx), m.End+40)]
				fmt.Printf("%s|%s|%s|%v|%q\n", m.Code, m.Kind, m.How, m.Candidates, ctx)
			}
			for _, x := range w {
				fmt.Println("W", x)
			}
		}
		return
	}
	ms, w := l.Find(s, time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC))
	for _, m := range ms {
		fmt.Printf("%+v\n", m)
	}
	fmt.Println(w)
}
