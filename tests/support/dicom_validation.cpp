#include "dicom_validation.h"

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <sstream>

namespace cardioseg::testing {

std::vector<std::string> dciodvfyErrors(const std::filesystem::path& file,
                                        const std::set<std::string>& sourceUids) {
    std::string quoted = "'";
    for (char c : file.string()) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    quoted += "'";
    FILE* pipe = popen(("dciodvfy " + quoted + " 2>&1").c_str(), "r");
    if (!pipe) return {"cannot run dciodvfy"};
    std::string output;
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe)) output += buf.data();
    const int status = pclose(pipe);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return {
            "dciodvfy not found: install Debian's dicom3tools (packaging/install-deps.sh does)"};

    std::vector<std::string> errors;
    bool sourceUidErrors = false;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("Error", 0) != 0) continue;
        // "Error - Value invalid for this VR - (0x0020,0x000d) UI Study Instance UID  UI [1] = <…>
        // - …"
        const auto open = line.find("UI [");
        const auto lt = line.find('<', open == std::string::npos ? 0 : open);
        const auto gt = line.find('>', lt == std::string::npos ? 0 : lt);
        if (open != std::string::npos && lt != std::string::npos && gt != std::string::npos &&
            sourceUids.count(line.substr(lt + 1, gt - lt - 1))) {
            sourceUidErrors = true;
            continue;
        }
        errors.push_back(line);
    }
    // The summary line that follows invalid values stands only for the source's UIDs when
    // nothing else was invalid.
    const std::string summary =
        "Error - Dicom dataset contains invalid data values for Value Representations";
    if (sourceUidErrors) {
        bool otherValueErrors = false;
        for (const auto& e : errors)
            otherValueErrors = otherValueErrors || e.find("Value invalid") != std::string::npos;
        if (!otherValueErrors)
            for (auto it = errors.begin(); it != errors.end();)
                it = it->rfind(summary, 0) == 0 ? errors.erase(it) : it + 1;
    }
    return errors;
}

}  // namespace cardioseg::testing
