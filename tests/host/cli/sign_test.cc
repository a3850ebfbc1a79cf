// SPDX-License-Identifier: GPL-2.0
// aotc --sign-key/--sign-cert (aotc/sign.h): the trailer is the kernel's
// module signature format, OpenSSL's own `openssl cms -verify` accepts the
// signature over the object without its trailer and refuses a changed byte,
// the object digest stays that of the unsigned bytes, and bad keys,
// certificates and flags are refused naming the flag and the file.
#include "aotc/sign.h"

#include <gtest/gtest.h>
#include <linux/wasmkm_object.h>

#include <cstring>
#include <fstream>
#include <iterator>

#include "aotc/descriptor.h"
#include "aotc/kbuild.h"
#include "aotc/obj_digest.h"
#include "aotc/options.h"
#include "tests/host/cli/wat_helper.h"
#include "userspace-cli/load_options.h"
#include "userspace-cli/manifest.h"

namespace {

std::vector<uint8_t> ReadBytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(f)),
                              std::istreambuf_iterator<char>());
}

void WriteBytes(const std::string& path, const uint8_t* p, size_t n) {
  std::ofstream f(path, std::ios::binary);
  f.write(reinterpret_cast<const char*>(p), std::streamsize(n));
}

int Sh(const std::vector<std::string>& argv, std::string* out) {
  return aotc::RunCapture(argv, out);
}

// A key and a self-signed certificate made by openssl, and an app-like ELF
// object (a descriptor section, its digest patched) made by cc.
class SignTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string out;
    key_ = dir_.path() + "/key.pem";
    cert_ = dir_.path() + "/cert.der";
    cert_pem_ = dir_.path() + "/cert.pem";
    ASSERT_EQ(
        Sh({"openssl", "req", "-new", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days",
            "2", "-subj", "/CN=sign-test", "-keyout", key_, "-outform", "DER", "-out", cert_},
           &out),
        0)
        << out;
    ASSERT_EQ(Sh({"openssl", "x509", "-inform", "DER", "-in", cert_, "-out", cert_pem_}, &out), 0)
        << out;
    aotc::Descriptor d;
    d.app_name = "t";
    d.module_name = "wasm_t_000000000000";
    std::vector<uint8_t> desc;
    std::string error;
    ASSERT_TRUE(aotc::SerializeDescriptor(d, &desc, &error)) << error;
    std::string c =
        "__attribute__((section(\".wasmkm.desc\"), used, aligned(8)))\n"
        "const unsigned char wasmkm_desc[] = {";
    for (uint8_t b : desc) c += std::to_string(b) + ",";
    c += "};\nint other = 1;\n";
    ASSERT_TRUE(clitest::WriteText(dir_.path() + "/d.c", c));
    ASSERT_EQ(Sh({"cc", "-c", "-o", dir_.path() + "/d.o", dir_.path() + "/d.c"}, &out), 0) << out;
    obj_ = ReadBytes(dir_.path() + "/d.o");
    ASSERT_TRUE(aotc::PatchObjDigest(&obj_, &error)) << error;
  }

  // openssl cms -verify of the trailer's PKCS#7 over @payload.
  int CmsVerify(const std::vector<uint8_t>& signed_obj, const std::vector<uint8_t>& payload) {
    aotc::ModuleSigLayout l;
    std::string error, out;
    EXPECT_TRUE(aotc::ParseModuleSig(signed_obj, &l, &error)) << error;
    std::string sig = dir_.path() + "/sig.der", content = dir_.path() + "/content";
    WriteBytes(sig, signed_obj.data() + l.sig_offset, l.sig_len);
    WriteBytes(content, payload.data(), payload.size());
    // The signature carries no certificate (as sign-file's): give it.
    return Sh({"openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sig, "-content",
               content, "-certfile", cert_pem_, "-CAfile", cert_pem_, "-out", "/dev/null"},
              &out);
  }

  clitest::TempDir dir_;
  std::string key_, cert_, cert_pem_;
  std::vector<uint8_t> obj_;
};

TEST_F(SignTest, TrailerIsAKernelModuleSignature) {
  std::vector<uint8_t> s = obj_;
  std::string error;
  ASSERT_TRUE(aotc::SignObject(&s, key_, cert_, &error)) << error;
  ASSERT_GT(s.size(), obj_.size());
  EXPECT_EQ(memcmp(s.data(), obj_.data(), obj_.size()), 0);  // the object, unchanged
  const char magic[] = "~Module signature appended~\n";
  const size_t mlen = sizeof(magic) - 1;
  ASSERT_EQ(memcmp(s.data() + s.size() - mlen, magic, mlen), 0);
  // struct module_signature: algo 0, hash 0, id_type PKEY_ID_PKCS7 (2),
  // signer_len 0, key_id_len 0, padding, sig_len big-endian.
  const uint8_t* info = s.data() + s.size() - mlen - 12;
  EXPECT_EQ(info[0], 0);
  EXPECT_EQ(info[1], 0);
  EXPECT_EQ(info[2], 2);
  for (int i = 3; i < 8; i++) EXPECT_EQ(info[i], 0) << i;
  uint32_t sig_len = uint32_t(info[8]) << 24 | uint32_t(info[9]) << 16 | info[10] << 8 | info[11];
  EXPECT_EQ(obj_.size() + sig_len + 12 + mlen, s.size());
  aotc::ModuleSigLayout l;
  ASSERT_TRUE(aotc::ParseModuleSig(s, &l, &error)) << error;
  EXPECT_EQ(l.payload_len, obj_.size());
  EXPECT_EQ(l.sig_offset, obj_.size());
  EXPECT_EQ(l.sig_len, sig_len);
  // The PKCS#7 message is a DER SEQUENCE (ContentInfo).
  EXPECT_EQ(s[l.sig_offset], 0x30);
  aotc::ModuleSigLayout none;
  EXPECT_FALSE(aotc::ParseModuleSig(obj_, &none, &error));
  EXPECT_TRUE(error.empty()) << error;
}

TEST_F(SignTest, OpensslVerifiesAndAFlippedByteFails) {
  std::vector<uint8_t> s = obj_;
  std::string error;
  ASSERT_TRUE(aotc::SignObject(&s, key_, cert_, &error)) << error;
  EXPECT_EQ(CmsVerify(s, obj_), 0);
  std::vector<uint8_t> changed = obj_;
  changed[changed.size() / 2] ^= 1;
  EXPECT_NE(CmsVerify(s, changed), 0);
  // A flipped byte of the signature value (the DER's last byte) fails too.
  aotc::ModuleSigLayout l;
  ASSERT_TRUE(aotc::ParseModuleSig(s, &l, &error));
  s[l.sig_offset + l.sig_len - 1] ^= 1;
  EXPECT_NE(CmsVerify(s, obj_), 0);
}

// The digest is that of the bytes before the trailer (kmod/verify.c).
TEST_F(SignTest, DigestCoversTheObjectNotTheTrailer) {
  std::vector<uint8_t> s = obj_;
  std::string error;
  ASSERT_TRUE(aotc::SignObject(&s, key_, cert_, &error)) << error;
  EXPECT_TRUE(aotc::CheckObjDigest(obj_, &error)) << error;
  EXPECT_TRUE(aotc::CheckObjDigest(s, &error)) << error;
  std::vector<uint8_t> changed = s;
  changed[64] ^= 1;  // the first section's bytes
  EXPECT_FALSE(aotc::CheckObjDigest(changed, &error));
  EXPECT_NE(error.find("digest mismatch"), std::string::npos) << error;
  std::vector<uint8_t> again = s;
  EXPECT_FALSE(aotc::PatchObjDigest(&again, &error));
  EXPECT_NE(error.find("signed"), std::string::npos) << error;
  // A PEM certificate works as well as DER, and gives the same signature.
  std::vector<uint8_t> s2 = obj_;
  ASSERT_TRUE(aotc::SignObject(&s2, key_, cert_pem_, &error)) << error;
  EXPECT_EQ(s2, s);
  // Signing twice is refused.
  EXPECT_FALSE(aotc::SignObject(&s2, key_, cert_, &error));
  EXPECT_NE(error.find("already"), std::string::npos) << error;
}

TEST_F(SignTest, ErrorsNameTheFlagAndTheFile) {
  std::string error, out;
  std::vector<uint8_t> s = obj_;
  EXPECT_FALSE(aotc::SignObject(&s, dir_.path() + "/nokey.pem", cert_, &error));
  EXPECT_NE(error.find("--sign-key " + dir_.path() + "/nokey.pem"), std::string::npos) << error;
  EXPECT_NE(error.find("No such file"), std::string::npos) << error;
  EXPECT_FALSE(aotc::SignObject(&s, key_, dir_.path() + "/nocert.der", &error));
  EXPECT_NE(error.find("--sign-cert " + dir_.path() + "/nocert.der"), std::string::npos) << error;
  // A certificate given as the key, a key given as the certificate.
  EXPECT_FALSE(aotc::SignObject(&s, cert_pem_, cert_, &error));
  EXPECT_NE(error.find("--sign-key " + cert_pem_ + ": no PEM private key"), std::string::npos)
      << error;
  EXPECT_FALSE(aotc::SignObject(&s, key_, key_, &error));
  EXPECT_NE(error.find("--sign-cert " + key_ + ": no X.509 certificate"), std::string::npos)
      << error;
  // Another key than the certificate's.
  std::string other = dir_.path() + "/other.pem";
  ASSERT_EQ(Sh({"openssl", "genpkey", "-algorithm", "RSA", "-out", other}, &out), 0) << out;
  EXPECT_FALSE(aotc::SignObject(&s, other, cert_, &error));
  EXPECT_NE(error.find("--sign-key " + other + " does not belong to --sign-cert " + cert_),
            std::string::npos)
      << error;
  EXPECT_EQ(s, obj_);  // nothing appended on failure
}

TEST(SignOptions, KeyAndCertGoTogether) {
  aotc::Options o;
  std::string error;
  EXPECT_FALSE(aotc::ParseOptions({"a.wasm", "-o", "a.wko", "--sign-key", "k.pem"}, &o, &error));
  EXPECT_NE(error.find("--sign-key needs --sign-cert"), std::string::npos) << error;
  o = {};
  EXPECT_FALSE(aotc::ParseOptions({"a.wasm", "-o", "a.wko", "--sign-cert=c.der"}, &o, &error));
  EXPECT_NE(error.find("--sign-cert needs --sign-key"), std::string::npos) << error;
  o = {};
  ASSERT_TRUE(aotc::ParseOptions(
      {"a.wasm", "-o", "a.wko", "--sign-key", "k.pem", "--sign-cert", "c.der"}, &o, &error))
      << error;
  EXPECT_EQ(o.sign_key, "k.pem");
  EXPECT_EQ(o.sign_cert, "c.der");
}

TEST(SignOptions, WasmctlFlagsAndManifest) {
  clitest::TempDir dir;
  std::string m = dir.path() + "/app.toml", error;
  ASSERT_TRUE(clitest::WriteText(m, "sign-key = \"keys/k.pem\"\nsign-cert = \"/etc/c.der\"\n"));
  wasmctl::LoadOptions o;
  ASSERT_TRUE(wasmctl::ParseLoadOptions({"app.wasm", "-m", m}, &o, &error)) << error;
  EXPECT_EQ(o.sign_key, dir.path() + "/keys/k.pem");  // relative to the manifest
  EXPECT_EQ(o.sign_cert, "/etc/c.der");
  ASSERT_TRUE(wasmctl::ParseLoadOptions({"app.wasm", "-m", m, "--sign-key", "/k2.pem"}, &o, &error))
      << error;
  EXPECT_EQ(o.sign_key, "/k2.pem");  // the flag wins
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"app.wasm", "--sign-key", "/k.pem"}, &o, &error));
  EXPECT_NE(error.find("--sign-key needs --sign-cert"), std::string::npos) << error;
  ASSERT_TRUE(clitest::WriteText(m, "sign-cert = \"c.der\"\n"));
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"app.wasm", "-m", m}, &o, &error));
  EXPECT_NE(error.find(m + ":1: sign-cert needs --sign-key"), std::string::npos) << error;
  wasmctl::Manifest man;
  EXPECT_FALSE(wasmctl::ParseManifest("sign-key = 3\n", "x.toml", &man, &error));
  EXPECT_NE(error.find("x.toml:1: sign-key: takes a file name"), std::string::npos) << error;
}

}  // namespace
