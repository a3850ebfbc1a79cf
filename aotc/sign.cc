// SPDX-License-Identifier: GPL-2.0
// Module signatures with OpenSSL's CMS API, as scripts/sign-file makes them.
#include "aotc/sign.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace aotc {

const char kModuleSigMagic[] = "~Module signature appended~\n";

namespace {

constexpr size_t kMagicLen = sizeof(kModuleSigMagic) - 1;
// struct module_signature (include/linux/module_signature.h): algo, hash,
// id_type, signer_len, key_id_len, 3 bytes of padding, __be32 sig_len.
constexpr size_t kSigInfoLen = 12;
constexpr uint8_t kPkeyIdPkcs7 = 2;

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct KeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct CmsFree {
  void operator()(CMS_ContentInfo* c) const { CMS_ContentInfo_free(c); }
};
using Bio = std::unique_ptr<BIO, BioFree>;

// OpenSSL's reason for the last failure, for an error text.
std::string SslReason() {
  unsigned long e = ERR_peek_last_error();
  ERR_clear_error();
  if (!e) return "";
  const char* r = ERR_reason_error_string(e);
  return r ? std::string(": ") + r : "";
}

bool OpenFile(const char* flag, const std::string& path, Bio* bio, std::string* error) {
  bio->reset(BIO_new_file(path.c_str(), "rb"));
  if (*bio) return true;
  int err = errno;
  ERR_clear_error();
  *error = std::string(flag) + " " + path + ": " + (err ? strerror(err) : "cannot open") +
           " (give a readable file)";
  return false;
}

}  // namespace

bool ParseModuleSig(const std::vector<uint8_t>& obj, ModuleSigLayout* layout, std::string* error) {
  error->clear();
  size_t n = obj.size();
  if (n < kMagicLen || memcmp(obj.data() + n - kMagicLen, kModuleSigMagic, kMagicLen) != 0)
    return false;
  n -= kMagicLen;
  if (n < kSigInfoLen) {
    *error = "truncated module signature";
    return false;
  }
  const uint8_t* info = obj.data() + n - kSigInfoLen;
  n -= kSigInfoLen;
  size_t sig_len = size_t(info[8]) << 24 | size_t(info[9]) << 16 | size_t(info[10]) << 8 | info[11];
  if (info[2] != kPkeyIdPkcs7 || sig_len == 0 || sig_len > n) {
    *error = "bad module signature (not PKCS#7, or its length is out of bounds)";
    return false;
  }
  layout->payload_len = n - sig_len;
  layout->sig_offset = n - sig_len;
  layout->sig_len = sig_len;
  return true;
}

bool SignObject(std::vector<uint8_t>* obj, const std::string& key_path,
                const std::string& cert_path, std::string* error) {
  ModuleSigLayout layout;
  if (ParseModuleSig(*obj, &layout, error) || !error->empty()) {
    *error = "the object already ends in a module signature: sign an unsigned object";
    return false;
  }
  Bio kb, cb;
  if (!OpenFile("--sign-key", key_path, &kb, error) ||
      !OpenFile("--sign-cert", cert_path, &cb, error))
    return false;
  std::unique_ptr<EVP_PKEY, KeyFree> key(
      PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr));
  if (!key) {
    *error = "--sign-key " + key_path + ": no PEM private key" + SslReason() +
             " (give the key in PEM, e.g. from `openssl req -new -x509 -newkey rsa:2048 -nodes "
             "-keyout KEY.pem -outform DER -out CERT.der`)";
    return false;
  }
  // A certificate in PEM (as in the kernel's signing_key.pem) or DER (as
  // mokutil --import takes it).
  std::unique_ptr<X509, X509Free> cert(PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr));
  if (!cert) {
    ERR_clear_error();
    if (BIO_reset(cb.get()) == 0) cert.reset(d2i_X509_bio(cb.get(), nullptr));
  }
  if (!cert) {
    *error = "--sign-cert " + cert_path + ": no X.509 certificate (PEM or DER)" + SslReason();
    return false;
  }
  if (X509_check_private_key(cert.get(), key.get()) != 1) {
    ERR_clear_error();
    *error = "--sign-key " + key_path + " does not belong to --sign-cert " + cert_path +
             ": give the key the certificate was made from";
    return false;
  }
  const EVP_MD* md = EVP_sha256();
  const unsigned flags = CMS_NOCERTS | CMS_PARTIAL | CMS_BINARY | CMS_DETACHED;
  std::unique_ptr<CMS_ContentInfo, CmsFree> cms(
      CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
  Bio data(BIO_new_mem_buf(obj->data(), int(obj->size())));
  Bio out(BIO_new(BIO_s_mem()));
  if (!cms || !data || !out ||
      !CMS_add1_signer(cms.get(), cert.get(), key.get(), md,
                       CMS_NOCERTS | CMS_BINARY | CMS_NOSMIMECAP | CMS_NOATTR) ||
      CMS_final(cms.get(), data.get(), nullptr, CMS_NOCERTS | CMS_BINARY) != 1 ||
      i2d_CMS_bio(out.get(), cms.get()) != 1) {
    *error = "signing with --sign-key " + key_path + " failed" + SslReason();
    return false;
  }
  char* der = nullptr;
  long der_len = BIO_get_mem_data(out.get(), &der);
  if (der_len <= 0 || uint64_t(der_len) > 0xffffffffu) {
    *error = "signing with --sign-key " + key_path + " gave no signature";
    return false;
  }
  obj->insert(obj->end(), der, der + der_len);
  uint8_t info[kSigInfoLen] = {0, 0, kPkeyIdPkcs7, 0, 0, 0, 0, 0};
  uint32_t len = uint32_t(der_len);
  info[8] = uint8_t(len >> 24);
  info[9] = uint8_t(len >> 16);
  info[10] = uint8_t(len >> 8);
  info[11] = uint8_t(len);
  obj->insert(obj->end(), info, info + kSigInfoLen);
  obj->insert(obj->end(), kModuleSigMagic, kModuleSigMagic + kMagicLen);
  return true;
}

}  // namespace aotc
