// SPDX-License-Identifier: GPL-2.0
// wasmctl: the device grants' --cap grammar (userspace-cli/cap_dev.cc).
#include "userspace-cli/cap_dev.h"

#include <gtest/gtest.h>

#include "userspace-cli/caps.h"

namespace {

wasmkm_cap Dev(const std::string& s) {
  wasmctl::CapSpec c;
  std::string error;
  EXPECT_TRUE(wasmctl::ParseCap(s, &c, &error)) << s << ": " << error;
  EXPECT_EQ(wasmctl::DevCapText(c.uapi), s);
  return c.uapi;
}

TEST(CapDev, I2c) {
  wasmkm_cap c = Dev("i2c:1:0x48");
  EXPECT_EQ(c.kind, uint32_t(WASMKM_CAP_I2C));
  EXPECT_EQ(c.i2c.bus, 1u);
  EXPECT_EQ(c.i2c.addr, 0x48);
  EXPECT_EQ(c.flags, 0u);
  EXPECT_EQ(c.reserved, 0u);
  wasmctl::CapSpec d;
  std::string error;
  ASSERT_TRUE(wasmctl::ParseCap("i2c:12:8", &d, &error)) << error;
  EXPECT_EQ(d.uapi.i2c.bus, 12u);
  EXPECT_EQ(d.uapi.i2c.addr, 8);
}

TEST(CapDev, Gpio) {
  wasmkm_cap c = Dev("gpio:gpiochip0:17:out");
  EXPECT_EQ(c.kind, uint32_t(WASMKM_CAP_GPIO));
  EXPECT_STREQ(c.gpio.chip, "gpiochip0");
  EXPECT_EQ(c.gpio.line, 17u);
  EXPECT_EQ(c.gpio.flags, uint32_t(WASMKM_GPIO_OUT));
  c = Dev("gpio:pinctrl-rp1:27:in,edge=both");
  EXPECT_EQ(c.gpio.flags, uint32_t(WASMKM_GPIO_EDGE_RISING | WASMKM_GPIO_EDGE_FALLING));
  EXPECT_EQ(Dev("gpio:c:0:in").gpio.flags, 0u);
  EXPECT_EQ(Dev("gpio:c:1:in,edge=rising").gpio.flags, uint32_t(WASMKM_GPIO_EDGE_RISING));
  EXPECT_EQ(Dev("gpio:c:1:in,edge=falling").gpio.flags, uint32_t(WASMKM_GPIO_EDGE_FALLING));
}

TEST(CapDev, Errors) {
  const std::string long_chip = "gpio:" + std::string(32, 'c') + ":1:in";
  for (const std::string& bad :
       {std::string("i2c:1"), std::string("i2c:1:0x48:9"), std::string("i2c:x:0x48"),
        std::string("i2c:1:0x07"), std::string("i2c:1:0x78"), std::string("i2c:-1:0x48"),
        std::string("i2c:1:0x480"), std::string("gpio:c:1"), std::string("gpio::1:in"),
        std::string("gpio:c:x:in"), std::string("gpio:c:1:up"),
        std::string("gpio:c:1:out,edge=both"), std::string("gpio:c:1:in,edge=up"),
        std::string("gpio:c:-1:in"), long_chip}) {
    wasmctl::CapSpec c;
    std::string error;
    EXPECT_FALSE(wasmctl::ParseCap(bad, &c, &error)) << bad;
    EXPECT_NE(error.find(bad.substr(0, 20)), std::string::npos) << error;
  }
}

// A device grant does not satisfy what file-system imports need.
TEST(CapDev, OnlyDevicesNeedNoDirectory) {
  wasmctl::CapSpec c;
  std::string error;
  ASSERT_TRUE(wasmctl::ParseCap("i2c:1:0x48", &c, &error));
  std::vector<wasmctl::Import> im = {{"wasi_snapshot_preview1", "path_open", "func"}};
  EXPECT_EQ(wasmctl::UnsatisfiedImports(im, {c}).size(), 1u);
}

}  // namespace
