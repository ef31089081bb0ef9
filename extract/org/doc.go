// Package org finds the organisations an article names (NHS trusts, health
// boards, hospitals, integrated care boards, unions, government bodies) and
// links each mention to one canonical organisation: for the NHS, the ODS code
// in force at the article's publication date.
//
// A Linker compiles every name, shortening, hospital and acronym from the
// reference data (package nhs) and a small curated list of non-NHS bodies
// into a token trie once; Find then walks an article's tokens through it,
// checks each candidate's conditions (NHS context after a bare place name, a
// place next to a generic hospital name), resolves ambiguity from the rest of
// the article where it can, and leaves a mention unlinked, with its
// candidates and a warning, where it cannot.
package org
