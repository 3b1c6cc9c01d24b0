#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli_common.h"

namespace cardioseg::cli {

struct PacsArgs {
    std::string node, aet, user, token;
    int timeout = 30;
    bool json = false;
    std::string level = "study", patientId, patientName, studyDate, modality, study;  ///< find
    std::string series, output, method = "get";                                       ///< get
    int port = 0;
    std::vector<std::string> paths;  ///< send
    CLI::App *echo = nullptr, *find = nullptr, *get = nullptr, *send = nullptr;
};

void addPacsCommand(CLI::App& app, PacsArgs& args);
/// Exit 2 with one line on stderr for an unreachable node, a refused association or login, or
/// a timeout; 1 for other failures (and for files the node refused).
int runPacs(const PacsArgs& args);

}  // namespace cardioseg::cli
