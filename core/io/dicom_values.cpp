#include "io/dicom_values.h"

#include <cctype>

namespace cardioseg::io {

namespace {

bool allDigits(const std::string& s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!std::isdigit(c)) return false;
    return true;
}

int daysInMonth(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::string trimmed(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\0')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\0')) --e;
    return s.substr(b, e - b);
}

}  // namespace

std::optional<DicomDate> parseDicomDate(const std::string& value) {
    std::string v = trimmed(value);
    if (v.size() == 10 && v[4] == '.' && v[7] == '.')
        v = v.substr(0, 4) + v.substr(5, 2) + v.substr(8, 2);
    if (v.size() != 8 || !allDigits(v)) return std::nullopt;
    DicomDate d{std::stoi(v.substr(0, 4)), std::stoi(v.substr(4, 2)), std::stoi(v.substr(6, 2))};
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 ||
        d.day > daysInMonth(d.year, d.month))
        return std::nullopt;
    return d;
}

std::string patientSexName(const std::string& value) {
    const std::string v = trimmed(value);
    if (v == "M") return "Male";
    if (v == "F") return "Female";
    if (v == "O") return "Other";
    return {};
}

bool isValidUid(const std::string& uid) {
    if (uid.empty() || uid.size() > 64) return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = uid.find('.', start);
        const std::string part =
            uid.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (!allDigits(part) || (part.size() > 1 && part[0] == '0')) return false;
        if (dot == std::string::npos) return true;
        start = dot + 1;
    }
}

}  // namespace cardioseg::io
