// SPDX-License-Identifier: GPL-2.0

// The Go toolchain app (tests/toolchains/README.md says what every
// toolchain app does): os and io on a granted directory, args, env, time,
// crypto/rand and os.Exit.  Built with GOOS=wasip1 GOARCH=wasm and natively
// from this one source; the outputs must match.
package main

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

func check(err error, what string) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "failed: %s: %v\n", what, err)
		os.Exit(1)
	}
}

func list(dir string) {
	entries, err := os.ReadDir(dir)
	check(err, "ReadDir")
	names := []string{}
	for _, e := range entries {
		info, err := e.Info()
		check(err, "entry Info")
		if info.IsDir() {
			names = append(names, e.Name()+" dir")
		} else {
			names = append(names, fmt.Sprintf("%s file %d", e.Name(), info.Size()))
		}
	}
	sort.Strings(names)
	fmt.Printf("list %s: %d\n", filepath.Base(dir), len(names))
	for _, n := range names {
		fmt.Printf("  %s\n", n)
	}
}

func main() {
	args := os.Args
	if len(args) < 3 {
		fmt.Fprintf(os.Stderr, "usage: %s ROOT EXITCODE [WORD]...\n", args[0])
		os.Exit(2)
	}
	root := args[1]
	code, err := strconv.Atoi(args[2])
	check(err, "EXITCODE")
	fmt.Printf("args: %d\n", len(args)-3)
	for _, a := range args[3:] {
		fmt.Printf("  [%s]\n", a)
	}
	vars := os.Environ()
	sort.Strings(vars)
	fmt.Printf("env: %d\n", len(vars))
	for _, v := range vars {
		fmt.Printf("  %s\n", v)
	}

	in, err := os.ReadFile(filepath.Join(root, "input.txt"))
	check(err, "read input.txt")
	lines := strings.Split(strings.TrimSuffix(string(in), "\n"), "\n")
	fmt.Printf("input: %d bytes, %d lines\n", len(in), len(lines))
	for _, l := range lines {
		fmt.Printf("  <%s>\n", l)
	}

	work := filepath.Join(root, "work")
	check(os.Mkdir(work, 0755), "mkdir work")
	check(os.Mkdir(filepath.Join(work, "sub"), 0755), "mkdir sub")
	check(os.WriteFile(filepath.Join(work, "a.txt"), []byte("0123456789abcdef"), 0644), "write a.txt")
	f, err := os.OpenFile(filepath.Join(work, "a.txt"), os.O_RDWR, 0)
	check(err, "open a.txt")
	_, err = f.Seek(10, io.SeekStart)
	check(err, "seek 10")
	_, err = f.Write([]byte("XY"))
	check(err, "write XY")
	_, err = f.Seek(0, io.SeekStart)
	check(err, "seek 0")
	all, err := io.ReadAll(f)
	check(err, "read a.txt")
	fmt.Printf("a.txt: %s\n", all)
	end, err := f.Seek(0, io.SeekEnd)
	check(err, "seek end")
	fmt.Printf("end: %d\n", end)
	_, err = f.Seek(-4, io.SeekCurrent)
	check(err, "seek back")
	tail := make([]byte, 4)
	_, err = io.ReadFull(f, tail)
	check(err, "read tail")
	fmt.Printf("tail: %s\n", tail)
	check(f.Close(), "close a.txt")
	check(os.WriteFile(filepath.Join(work, "c.txt"), []byte("third\n"), 0644), "write c.txt")
	check(os.Rename(filepath.Join(work, "a.txt"), filepath.Join(work, "b.txt")), "rename")
	_, err = os.Stat(filepath.Join(work, "a.txt"))
	fmt.Printf("a.txt exists after rename: %v\n", err == nil)
	list(work)
	st, err := os.Stat(filepath.Join(work, "b.txt"))
	check(err, "stat b.txt")
	fmt.Printf("b.txt: len %d file %v dir %v\n", st.Size(), st.Mode().IsRegular(), st.IsDir())
	fmt.Printf("b.txt: mtime after 2020: %v\n", st.ModTime().Unix() > 1577836800)
	check(os.Remove(filepath.Join(work, "c.txt")), "remove c.txt")
	check(os.Remove(filepath.Join(work, "sub")), "remove sub")
	list(work)
	_, err = os.ReadFile(filepath.Join(work, "missing"))
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Printf("missing: NotFound\n")
	} else {
		fmt.Printf("missing: %v\n", err)
	}

	fmt.Printf("clock: realtime after 2020: %v\n", time.Now().Unix() > 1577836800)
	t0 := time.Now()
	time.Sleep(time.Millisecond)
	fmt.Printf("clock: monotonic: %v\n", time.Since(t0) >= time.Millisecond)
	buf := make([]byte, 16)
	_, err = rand.Read(buf)
	check(err, "crypto/rand")
	nonzero := false
	for _, b := range buf {
		nonzero = nonzero || b != 0
	}
	fmt.Printf("random: seeded: %v\n", nonzero)

	summary := fmt.Sprintf("args %d\nenv %d\ninput %d\n", len(args)-3, len(vars), len(in))
	check(os.WriteFile(filepath.Join(root, "result.txt"), []byte(summary), 0644), "write result.txt")
	fmt.Printf("exit: %d\n", code)
	os.Exit(code)
}
