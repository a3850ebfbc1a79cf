// SPDX-License-Identifier: GPL-2.0
// Kernel module signatures on app objects, in the format of the kernel's
// scripts/sign-file: the object, a detached PKCS#7 (CMS) SignedData over it
// (SHA-256, no certificates, no signed attributes, signer named by issuer
// and serial number), struct module_signature (id_type PKEY_ID_PKCS7,
// sig_len big-endian) and the magic "~Module signature appended~\n".
//
// The trailer is not part of the object digest (obj_digest.h): aotc
// patches the digest first and signs the patched bytes, so the signature
// covers the digest, and wasmkm.ko's verifier strips the trailer before it
// recomputes the digest, as the kernel's module loader strips it before it
// links the module.
#ifndef AOTC_SIGN_H_
#define AOTC_SIGN_H_

#include <cstdint>
#include <string>
#include <vector>

namespace aotc {

// The magic at the end of a signed module (MODULE_SIG_STRING).
extern const char kModuleSigMagic[];

// Where the parts of a signed object lie.
struct ModuleSigLayout {
  size_t payload_len = 0;  // the signed bytes: the object without the trailer
  size_t sig_offset = 0;   // the DER PKCS#7 message
  size_t sig_len = 0;
};

// True and *layout if @obj ends in a module signature trailer; false with
// *error empty if it has none, false with *error set if it is malformed.
bool ParseModuleSig(const std::vector<uint8_t>& obj, ModuleSigLayout* layout, std::string* error);

// Appends a module signature made with the PEM private key @key_path and the
// X.509 certificate @cert_path (PEM or DER) to @obj.  Refuses an object
// that is already signed, an unreadable key or certificate and a key that
// does not belong to the certificate; *error names the flag and the file
// (--sign-key / --sign-cert) and says what to do.
bool SignObject(std::vector<uint8_t>* obj, const std::string& key_path,
                const std::string& cert_path, std::string* error);

}  // namespace aotc

#endif  // AOTC_SIGN_H_
