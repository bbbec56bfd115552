import StructuredData
import Testing

@testable import YAML

@Suite struct YAMLCoreSchemaTests {
  @Test(arguments: ["", "~", "null", "Null", "NULL"])
  func nullForms(_ text: String) {
    #expect(YAMLCoreSchema.resolvePlain(text) == .null)
  }

  @Test func booleans() {
    for text in ["true", "True", "TRUE"] { #expect(YAMLCoreSchema.resolvePlain(text) == .bool(true)) }
    for text in ["false", "False", "FALSE"] { #expect(YAMLCoreSchema.resolvePlain(text) == .bool(false)) }
  }

  @Test(arguments: ["yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n", "tRUE", "nul", "NuLL", "~~", "truex"])
  func yamlOneOneWordsStayStrings(_ text: String) {
    #expect(YAMLCoreSchema.resolvePlain(text) == .string(text))
  }

  @Test func decimalIntegers() {
    #expect(YAMLCoreSchema.resolvePlain("0") == .int(0))
    #expect(YAMLCoreSchema.resolvePlain("42") == .int(42))
    #expect(YAMLCoreSchema.resolvePlain("-17") == .int(-17))
    #expect(YAMLCoreSchema.resolvePlain("+17") == .int(17))
    #expect(YAMLCoreSchema.resolvePlain("007") == .int(7))
    #expect(YAMLCoreSchema.resolvePlain("9223372036854775807") == .int(Int64.max))
    #expect(YAMLCoreSchema.resolvePlain("-9223372036854775808") == .int(Int64.min))
    #expect(YAMLCoreSchema.resolvePlain("9223372036854775808") == .double(9_223_372_036_854_775_808))
  }

  @Test func octalAndHexIntegers() {
    #expect(YAMLCoreSchema.resolvePlain("0o17") == .int(15))
    #expect(YAMLCoreSchema.resolvePlain("0o0") == .int(0))
    #expect(YAMLCoreSchema.resolvePlain("0x1F") == .int(31))
    #expect(YAMLCoreSchema.resolvePlain("0xff") == .int(255))
    #expect(YAMLCoreSchema.resolvePlain("0xFFFFFFFFFFFFFFFF") == .double(18_446_744_073_709_551_615))
    // Not core-schema integers: these are strings.
    for text in ["0o8", "0o", "0x", "0xG1", "-0x1", "0O17", "0X1F", "0b101", "1_000", "12:30"] {
      #expect(YAMLCoreSchema.resolvePlain(text) == .string(text), "\(text)")
    }
  }

  @Test func floats() {
    #expect(YAMLCoreSchema.resolvePlain("1.5") == .double(1.5))
    #expect(YAMLCoreSchema.resolvePlain("-0.25") == .double(-0.25))
    #expect(YAMLCoreSchema.resolvePlain("+2.0") == .double(2.0))
    #expect(YAMLCoreSchema.resolvePlain(".5") == .double(0.5))
    #expect(YAMLCoreSchema.resolvePlain("1.") == .double(1.0))
    #expect(YAMLCoreSchema.resolvePlain("1e3") == .double(1000))
    #expect(YAMLCoreSchema.resolvePlain("1.5E-2") == .double(0.015))
    #expect(YAMLCoreSchema.resolvePlain("-2.5e+1") == .double(-25))
    for text in ["1e", "e3", "1.2.3", ".", "-", "+", "1,5", "1.5f", "0x1.8p1", "infinity", "nan", "inf"] {
      #expect(YAMLCoreSchema.resolvePlain(text) == .string(text), "\(text)")
    }
  }

  @Test func infinityAndNaN() {
    for text in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] {
      #expect(YAMLCoreSchema.resolvePlain(text) == .double(.infinity), "\(text)")
    }
    for text in ["-.inf", "-.Inf", "-.INF"] {
      #expect(YAMLCoreSchema.resolvePlain(text) == .double(-.infinity), "\(text)")
    }
    for text in [".nan", ".NaN", ".NAN"] {
      #expect(YAMLCoreSchema.resolvePlain(text).doubleValue?.isNaN == true, "\(text)")
    }
    for text in [".iNf", ".nAn", "..inf"] {
      #expect(YAMLCoreSchema.resolvePlain(text) == .string(text), "\(text)")
    }
  }

  @Test func everythingElseIsAString() {
    for text in ["hello", "component:default/x", "2024-01-01", "1.2.3-beta", "-x", "~x", "null!", "é", "  "] {
      #expect(YAMLCoreSchema.resolvePlain(text) == .string(text), "\(text)")
    }
  }

  @Test func taggedForms() {
    #expect(YAMLCoreSchema.integer("0x10") == .int(16))
    #expect(YAMLCoreSchema.integer("1.0") == nil)
    #expect(YAMLCoreSchema.float("1") == 1)
    #expect(YAMLCoreSchema.float("-.inf") == -.infinity)
    #expect(YAMLCoreSchema.float("abc") == nil)
    #expect(YAMLCoreSchema.isNull(""))
    #expect(YAMLCoreSchema.isNull("~"))
    #expect(!YAMLCoreSchema.isNull("none"))
  }
}
