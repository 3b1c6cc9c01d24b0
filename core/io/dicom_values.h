#pragma once

#include <optional>
#include <string>

namespace cardioseg::io {

/// A calendar date from a DICOM DA value.
struct DicomDate {
    int year = 0;
    int month = 0;
    int day = 0;
};

/// Parses a DICOM date (YYYYMMDD, or the retired YYYY.MM.DD). Empty, partial or impossible
/// dates ("00000000", "20120000", 30 February) give nothing: archives are full of them.
std::optional<DicomDate> parseDicomDate(const std::string& value);

/// "Male", "Female", "Other" for M, F, O; empty for anything else.
std::string patientSexName(const std::string& value);

/// True when `uid` is a valid DICOM UID (PS3.5 9.1: digits and dots, at most 64 characters,
/// no empty component, no component with a leading zero).
bool isValidUid(const std::string& uid);

}  // namespace cardioseg::io
