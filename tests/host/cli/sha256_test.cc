// SPDX-License-Identifier: GPL-2.0
// SHA-256 known answers (FIPS 180-4 examples / NIST CAVP short messages).
#include "aotc/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace {

std::string Hex(const std::string& s) { return aotc::HexOf(aotc::Sha256Of(s.data(), s.size())); }

TEST(Sha256, Empty) {
  EXPECT_EQ(Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, Abc) {
  EXPECT_EQ(Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, TwoBlocks448Bits) {
  EXPECT_EQ(Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, Long896Bits) {
  EXPECT_EQ(Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                "klmnopqrlmnopqrsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, MillionA) {
  aotc::Sha256 h;
  std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; i++) h.Update(chunk.data(), chunk.size());
  EXPECT_EQ(aotc::HexOf(h.Final()),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, SplitUpdatesMatchOneShot) {
  std::string msg;
  for (int i = 0; i < 300; i++) msg += char('A' + i % 53);
  for (size_t len : {0u, 55u, 56u, 63u, 64u, 65u, 119u, 120u, 128u, 300u}) {
    std::string m = msg.substr(0, len);
    for (size_t cut = 0; cut <= len; cut += 7) {
      aotc::Sha256 h;
      h.Update(m.data(), cut);
      h.Update(m.data() + cut, len - cut);
      EXPECT_EQ(aotc::HexOf(h.Final()), Hex(m)) << "len " << len << " cut " << cut;
    }
  }
}

}  // namespace
