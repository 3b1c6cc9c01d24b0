#include "io/deidentify.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvr.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <set>
#include <utility>

#include "io/atomic_file.h"
#include "io/dcmtk_codecs.h"

namespace cardioseg::io {

const char* const kDeidentificationMethod = "CardioSeg: PS3.15 Basic Application Confidentiality Profile";

std::string UidMap::map(const std::string& uid) {
    if (uid.empty()) return uid;
    auto it = m_uids.find(uid);
    if (it != m_uids.end()) return it->second;
    // 2.25 followed by a 128-bit random number in decimal (PS3.5 B.2).
    static thread_local std::random_device device;
    // Four 32-bit limbs, most significant first, divided by ten digit by digit.
    std::uint32_t limbs[4];
    for (auto& l : limbs) l = static_cast<std::uint32_t>(device());
    std::string digits;
    for (bool nonzero = true; nonzero;) {
        std::uint64_t rest = 0;
        nonzero = false;
        for (auto& l : limbs) {
            const std::uint64_t cur = (rest << 32) | l;
            l = static_cast<std::uint32_t>(cur / 10);
            rest = cur % 10;
            nonzero = nonzero || l != 0;
        }
        digits.push_back(static_cast<char>('0' + rest));
    }
    std::reverse(digits.begin(), digits.end());
    return m_uids[uid] = "2.25." + digits;
}

const std::vector<ProfileAttribute>& basicProfileAttributes() {
    // PS3.15 Table E.1-1, the Basic Profile column. Attributes of group 0000 (commands) and the
    // file meta information (rewritten on saving) are left out; the retired ones that old
    // archives still carry are in.
    static const std::vector<ProfileAttribute> table = {
        {0x0008, 0x0050, "AccessionNumber", "Z"},
        {0x0018, 0x4000, "AcquisitionComments", "X"},
        {0x0040, 0x0555, "AcquisitionContextSequence", "X"},
        {0x0008, 0x0022, "AcquisitionDate", "X/Z"},
        {0x0008, 0x002A, "AcquisitionDateTime", "X/Z/D"},
        {0x0018, 0x1400, "AcquisitionDeviceProcessingDescription", "X/D"},
        {0x0018, 0x9424, "AcquisitionProtocolDescription", "X"},
        {0x0008, 0x0032, "AcquisitionTime", "X/Z"},
        {0x0040, 0x4035, "ActualHumanPerformersSequence", "X"},
        {0x0010, 0x21B0, "AdditionalPatientHistory", "X"},
        {0x0038, 0x0010, "AdmissionID", "X"},
        {0x0038, 0x0020, "AdmittingDate", "X"},
        {0x0008, 0x1084, "AdmittingDiagnosesCodeSequence", "X"},
        {0x0008, 0x1080, "AdmittingDiagnosesDescription", "X"},
        {0x0038, 0x0021, "AdmittingTime", "X"},
        {0x0010, 0x2110, "Allergies", "X"},
        {0x4000, 0x0010, "Arbitrary", "X"},
        {0x0040, 0xA078, "AuthorObserverSequence", "X"},
        {0x0010, 0x1081, "BranchOfService", "X"},
        {0x0018, 0x1007, "CassetteID", "X"},
        {0x0040, 0x0280, "CommentsOnThePerformedProcedureStep", "X"},
        {0x0020, 0x9161, "ConcatenationUID", "U"},
        {0x0040, 0x3001, "ConfidentialityConstraintOnPatientDataDescription", "X"},
        {0x0070, 0x0086, "ContentCreatorIdentificationCodeSequence", "X"},
        {0x0070, 0x0084, "ContentCreatorName", "Z"},
        {0x0008, 0x0023, "ContentDate", "Z/D"},
        {0x0040, 0xA730, "ContentSequence", "X"},
        {0x0008, 0x0033, "ContentTime", "Z/D"},
        {0x0008, 0x010D, "ContextGroupExtensionCreatorUID", "U"},
        {0x0018, 0x0010, "ContrastBolusAgent", "Z/D"},
        {0x0018, 0xA003, "ContributionDescription", "X"},
        {0x0010, 0x2150, "CountryOfResidence", "X"},
        {0x0008, 0x9123, "CreatorVersionUID", "U"},
        {0x0038, 0x0300, "CurrentPatientLocation", "X"},
        {0x0008, 0x0025, "CurveDate", "X"},
        {0x0008, 0x0035, "CurveTime", "X"},
        {0x0040, 0xA07C, "CustodialOrganizationSequence", "X"},
        {0xFFFA, 0xFFFA, "DigitalSignaturesSequence", "X"},
        {0x0400, 0x0100, "DigitalSignatureUID", "X"},
        {0x0018, 0x700A, "DetectorID", "X/D"},
        {0x0018, 0x1000, "DeviceSerialNumber", "X/Z/D"},
        {0x0018, 0x1002, "DeviceUID", "U"},
        {0x0020, 0x9164, "DimensionOrganizationUID", "U"},
        {0x0038, 0x0040, "DischargeDiagnosisDescription", "X"},
        {0x4008, 0x011A, "DistributionAddress", "X"},
        {0x4008, 0x0119, "DistributionName", "X"},
        {0x300A, 0x0013, "DoseReferenceUID", "U"},
        {0x0010, 0x2160, "EthnicGroup", "X"},
        {0x0008, 0x0058, "FailedSOPInstanceUIDList", "U"},
        {0x0070, 0x031A, "FiducialUID", "U"},
        {0x0040, 0x2017, "FillerOrderNumberImagingServiceRequest", "Z"},
        {0x0020, 0x9158, "FrameComments", "X"},
        {0x0020, 0x0052, "FrameOfReferenceUID", "U"},
        {0x0018, 0x1008, "GantryID", "X"},
        {0x0018, 0x1005, "GeneratorID", "X"},
        {0x0070, 0x0001, "GraphicAnnotationSequence", "D"},
        {0x0040, 0x4037, "HumanPerformerName", "X"},
        {0x0040, 0x4036, "HumanPerformerOrganization", "X"},
        {0x0088, 0x0200, "IconImageSequence", "X"},
        {0x0008, 0x4000, "IdentifyingComments", "X"},
        {0x0020, 0x4000, "ImageComments", "X"},
        {0x0028, 0x4000, "ImagePresentationComments", "X"},
        {0x0040, 0x2400, "ImagingServiceRequestComments", "X"},
        {0x4008, 0x0300, "Impressions", "X"},
        {0x0008, 0x0012, "InstanceCreationDate", "X/D"},
        {0x0008, 0x0013, "InstanceCreationTime", "X/Z/D"},
        {0x0008, 0x0014, "InstanceCreatorUID", "U"},
        {0x0008, 0x0081, "InstitutionAddress", "X"},
        {0x0008, 0x0082, "InstitutionCodeSequence", "X/Z/D"},
        {0x0008, 0x0080, "InstitutionName", "X/Z/D"},
        {0x0008, 0x1040, "InstitutionalDepartmentName", "X"},
        {0x0010, 0x1050, "InsurancePlanIdentification", "X"},
        {0x0040, 0x1011, "IntendedRecipientsOfResultsIdentificationSequence", "X"},
        {0x4008, 0x0111, "InterpretationApproverSequence", "X"},
        {0x4008, 0x010C, "InterpretationAuthor", "X"},
        {0x4008, 0x0115, "InterpretationDiagnosisDescription", "X"},
        {0x4008, 0x0202, "InterpretationIDIssuer", "X"},
        {0x4008, 0x0102, "InterpretationRecorder", "X"},
        {0x4008, 0x010B, "InterpretationText", "X"},
        {0x4008, 0x010A, "InterpretationTranscriber", "X"},
        {0x0008, 0x3010, "IrradiationEventUID", "U"},
        {0x0038, 0x0011, "IssuerOfAdmissionID", "X"},
        {0x0010, 0x0021, "IssuerOfPatientID", "X"},
        {0x0038, 0x0061, "IssuerOfServiceEpisodeID", "X"},
        {0x0028, 0x1214, "LargePaletteColorLookupTableUID", "U"},
        {0x0010, 0x21D0, "LastMenstrualDate", "X"},
        {0x0400, 0x0404, "MAC", "X"},
        {0x0010, 0x2000, "MedicalAlerts", "X"},
        {0x0010, 0x1090, "MedicalRecordLocator", "X"},
        {0x0010, 0x1080, "MilitaryRank", "X"},
        {0x0400, 0x0550, "ModifiedAttributesSequence", "X"},
        {0x0020, 0x3406, "ModifiedImageDescription", "X"},
        {0x0020, 0x3401, "ModifyingDeviceID", "X"},
        {0x0020, 0x3404, "ModifyingDeviceManufacturer", "X"},
        {0x0008, 0x1060, "NameOfPhysiciansReadingStudy", "X"},
        {0x0040, 0x1010, "NamesOfIntendedRecipientsOfResults", "X"},
        {0x0010, 0x2180, "Occupation", "X"},
        {0x0008, 0x1072, "OperatorIdentificationSequence", "X"},
        {0x0008, 0x1070, "OperatorsName", "X/Z/D"},
        {0x0040, 0x2010, "OrderCallbackPhoneNumber", "X"},
        {0x0040, 0x2008, "OrderEnteredBy", "X"},
        {0x0040, 0x2009, "OrderEntererLocation", "X"},
        {0x0400, 0x0561, "OriginalAttributesSequence", "X"},
        {0x0010, 0x1000, "OtherPatientIDs", "X"},
        {0x0010, 0x1002, "OtherPatientIDsSequence", "X"},
        {0x0010, 0x1001, "OtherPatientNames", "X"},
        {0x0008, 0x0024, "OverlayDate", "X"},
        {0x0008, 0x0034, "OverlayTime", "X"},
        {0x0028, 0x1199, "PaletteColorLookupTableUID", "U"},
        {0x0040, 0xA07A, "ParticipantSequence", "X"},
        {0x0010, 0x1040, "PatientAddress", "X"},
        {0x0010, 0x1010, "PatientAge", "X"},
        {0x0010, 0x0030, "PatientBirthDate", "Z"},
        {0x0010, 0x1005, "PatientBirthName", "X"},
        {0x0010, 0x0032, "PatientBirthTime", "X"},
        {0x0010, 0x4000, "PatientComments", "X"},
        {0x0010, 0x0020, "PatientID", "Z"},
        {0x0038, 0x0400, "PatientInstitutionResidence", "X"},
        {0x0010, 0x0050, "PatientInsurancePlanCodeSequence", "X"},
        {0x0010, 0x1060, "PatientMotherBirthName", "X"},
        {0x0010, 0x0010, "PatientName", "Z"},
        {0x0010, 0x0101, "PatientPrimaryLanguageCodeSequence", "X"},
        {0x0010, 0x0102, "PatientPrimaryLanguageModifierCodeSequence", "X"},
        {0x0010, 0x21F0, "PatientReligiousPreference", "X"},
        {0x0010, 0x0040, "PatientSex", "Z"},
        {0x0010, 0x2203, "PatientSexNeutered", "X/Z"},
        {0x0010, 0x1020, "PatientSize", "X"},
        {0x0038, 0x0500, "PatientState", "X"},
        {0x0010, 0x2154, "PatientTelephoneNumbers", "X"},
        {0x0040, 0x1004, "PatientTransportArrangements", "X"},
        {0x0010, 0x1030, "PatientWeight", "X"},
        {0x0040, 0x0243, "PerformedLocation", "X"},
        {0x0040, 0x0254, "PerformedProcedureStepDescription", "X"},
        {0x0040, 0x0250, "PerformedProcedureStepEndDate", "X"},
        {0x0040, 0x0251, "PerformedProcedureStepEndTime", "X"},
        {0x0040, 0x0253, "PerformedProcedureStepID", "X"},
        {0x0040, 0x0244, "PerformedProcedureStepStartDate", "X"},
        {0x0040, 0x0245, "PerformedProcedureStepStartTime", "X"},
        {0x0040, 0x0241, "PerformedStationAETitle", "X"},
        {0x0040, 0x4030, "PerformedStationGeographicLocationCodeSequence", "X"},
        {0x0040, 0x0242, "PerformedStationName", "X"},
        {0x0040, 0x4028, "PerformedStationNameCodeSequence", "X"},
        {0x0008, 0x1052, "PerformingPhysicianIdentificationSequence", "X"},
        {0x0008, 0x1050, "PerformingPhysicianName", "X"},
        {0x0040, 0x1102, "PersonAddress", "X"},
        {0x0040, 0x1101, "PersonIdentificationCodeSequence", "D"},
        {0x0040, 0xA123, "PersonName", "D"},
        {0x0040, 0x1103, "PersonTelephoneNumbers", "X"},
        {0x4008, 0x0114, "PhysicianApprovingInterpretation", "X"},
        {0x0008, 0x1048, "PhysiciansOfRecord", "X"},
        {0x0008, 0x1049, "PhysiciansOfRecordIdentificationSequence", "X"},
        {0x0008, 0x1062, "PhysiciansReadingStudyIdentificationSequence", "X"},
        {0x0040, 0x2016, "PlacerOrderNumberImagingServiceRequest", "Z"},
        {0x0018, 0x1004, "PlateID", "X"},
        {0x0040, 0x0012, "PreMedication", "X"},
        {0x0010, 0x21C0, "PregnancyStatus", "X"},
        {0x0018, 0x1030, "ProtocolName", "X/D"},
        {0x0040, 0x2001, "ReasonForTheImagingServiceRequest", "X"},
        {0x0032, 0x1030, "ReasonForStudy", "X"},
        {0x0400, 0x0402, "ReferencedDigitalSignatureSequence", "X"},
        {0x3006, 0x0024, "ReferencedFrameOfReferenceUID", "U"},
        {0x0040, 0x4023, "ReferencedGeneralPurposeScheduledProcedureStepTransactionUID", "U"},
        {0x0008, 0x1140, "ReferencedImageSequence", "X/Z/U*"},
        {0x0008, 0x1120, "ReferencedPatientSequence", "X"},
        {0x0008, 0x1111, "ReferencedPerformedProcedureStepSequence", "X/Z/D"},
        {0x0400, 0x0403, "ReferencedSOPInstanceMACSequence", "X"},
        {0x0008, 0x1155, "ReferencedSOPInstanceUID", "U"},
        {0x0004, 0x1511, "ReferencedSOPInstanceUIDInFile", "U"},
        {0x0008, 0x1110, "ReferencedStudySequence", "X/Z"},
        {0x0008, 0x0092, "ReferringPhysicianAddress", "X"},
        {0x0008, 0x0096, "ReferringPhysicianIdentificationSequence", "X"},
        {0x0008, 0x0090, "ReferringPhysicianName", "Z"},
        {0x0008, 0x0094, "ReferringPhysicianTelephoneNumbers", "X"},
        {0x0010, 0x2152, "RegionOfResidence", "X"},
        {0x3006, 0x00C2, "RelatedFrameOfReferenceUID", "U"},
        {0x0040, 0x0275, "RequestAttributesSequence", "X"},
        {0x0032, 0x1070, "RequestedContrastAgent", "X"},
        {0x0040, 0x1400, "RequestedProcedureComments", "X"},
        {0x0032, 0x1060, "RequestedProcedureDescription", "X/Z"},
        {0x0040, 0x1001, "RequestedProcedureID", "X"},
        {0x0040, 0x1005, "RequestedProcedureLocation", "X"},
        {0x0032, 0x1032, "RequestingPhysician", "X"},
        {0x0032, 0x1033, "RequestingService", "X"},
        {0x0010, 0x2299, "ResponsibleOrganization", "X"},
        {0x0010, 0x2297, "ResponsiblePerson", "X"},
        {0x4008, 0x4000, "ResultsComments", "X"},
        {0x4008, 0x0118, "ResultsDistributionListSequence", "X"},
        {0x4008, 0x0042, "ResultsIDIssuer", "X"},
        {0x300E, 0x0008, "ReviewerName", "X/Z"},
        {0x0040, 0x4034, "ScheduledHumanPerformersSequence", "X"},
        {0x0038, 0x001E, "ScheduledPatientInstitutionResidence", "X"},
        {0x0040, 0x000B, "ScheduledPerformingPhysicianIdentificationSequence", "X"},
        {0x0040, 0x0006, "ScheduledPerformingPhysicianName", "X"},
        {0x0040, 0x0007, "ScheduledProcedureStepDescription", "X"},
        {0x0040, 0x0004, "ScheduledProcedureStepEndDate", "X"},
        {0x0040, 0x0005, "ScheduledProcedureStepEndTime", "X"},
        {0x0040, 0x0011, "ScheduledProcedureStepLocation", "X"},
        {0x0040, 0x0002, "ScheduledProcedureStepStartDate", "X"},
        {0x0040, 0x0003, "ScheduledProcedureStepStartTime", "X"},
        {0x0040, 0x0001, "ScheduledStationAETitle", "X"},
        {0x0040, 0x4027, "ScheduledStationGeographicLocationCodeSequence", "X"},
        {0x0040, 0x0010, "ScheduledStationName", "X"},
        {0x0040, 0x4025, "ScheduledStationNameCodeSequence", "X"},
        {0x0032, 0x1020, "ScheduledStudyLocation", "X"},
        {0x0032, 0x1021, "ScheduledStudyLocationAETitle", "X"},
        {0x0008, 0x0021, "SeriesDate", "X/D"},
        {0x0008, 0x103E, "SeriesDescription", "X"},
        {0x0020, 0x000E, "SeriesInstanceUID", "U"},
        {0x0008, 0x0031, "SeriesTime", "X/D"},
        {0x0038, 0x0062, "ServiceEpisodeDescription", "X"},
        {0x0038, 0x0060, "ServiceEpisodeID", "X"},
        {0x0010, 0x21A0, "SmokingStatus", "X"},
        {0x0008, 0x0018, "SOPInstanceUID", "U"},
        {0x0008, 0x2112, "SourceImageSequence", "X/Z/U*"},
        {0x0038, 0x0050, "SpecialNeeds", "X"},
        {0x0008, 0x1010, "StationName", "X/Z/D"},
        {0x0088, 0x0140, "StorageMediaFileSetUID", "U"},
        {0x0032, 0x4000, "StudyComments", "X"},
        {0x0008, 0x0020, "StudyDate", "Z"},
        {0x0008, 0x1030, "StudyDescription", "X"},
        {0x0020, 0x0010, "StudyID", "Z"},
        {0x0032, 0x0012, "StudyIDIssuer", "X"},
        {0x0020, 0x000D, "StudyInstanceUID", "U"},
        {0x0008, 0x0030, "StudyTime", "Z"},
        {0x0020, 0x0200, "SynchronizationFrameOfReferenceUID", "U"},
        {0x0040, 0xDB0D, "TemplateExtensionCreatorUID", "U"},
        {0x0040, 0xDB0C, "TemplateExtensionOrganizationUID", "U"},
        {0x4000, 0x4000, "TextComments", "X"},
        {0x2030, 0x0020, "TextString", "X"},
        {0x0008, 0x0201, "TimezoneOffsetFromUTC", "X"},
        {0x0088, 0x0910, "TopicAuthor", "X"},
        {0x0088, 0x0912, "TopicKeywords", "X"},
        {0x0088, 0x0906, "TopicSubject", "X"},
        {0x0088, 0x0904, "TopicTitle", "X"},
        {0x0008, 0x1195, "TransactionUID", "U"},
        {0x0040, 0xA124, "UID", "U"},
        {0x0040, 0xA088, "VerifyingObserverIdentificationCodeSequence", "Z"},
        {0x0040, 0xA075, "VerifyingObserverName", "D"},
        {0x0040, 0xA073, "VerifyingObserverSequence", "D"},
        {0x0040, 0xA027, "VerifyingOrganization", "X"},
        {0x0038, 0x4000, "VisitComments", "X"},
    };
    return table;
}

namespace {

enum class Do { Remove, Empty, Dummy, NewUid, Descend };

/// The action taken: the conditional forms keep the attribute only when the object needs it.
Do resolve(const std::string& action, bool kept) {
    if (action == "X") return Do::Remove;
    if (action == "Z") return Do::Empty;
    if (action == "D") return Do::Dummy;
    if (action == "U") return Do::NewUid;
    if (action == "Z/D") return kept ? Do::Dummy : Do::Empty;
    if (action == "X/Z") return kept ? Do::Empty : Do::Remove;
    if (action == "X/Z/U*") return kept ? Do::Descend : Do::Remove;
    return kept ? Do::Dummy : Do::Remove;  // X/D, X/Z/D
}

/// A value that says nothing, valid for its VR.
std::string dummyFor(DcmEVR vr) {
    switch (vr) {
        case EVR_DA: return "19000101";
        case EVR_TM: return "000000";
        case EVR_DT: return "19000101000000";
        case EVR_AS: return "000Y";
        case EVR_IS:
        case EVR_DS: return "0";
        case EVR_AE:
        case EVR_SH:
        case EVR_CS: return "ANON";
        default: return "ANONYMOUS";
    }
}

struct Walker {
    UidMap& uids;
    std::map<std::pair<unsigned short, unsigned short>, const ProfileAttribute*> byTag;
    std::set<std::string> keep;

    void item(DcmItem& it) {
        std::vector<DcmTagKey> remove;
        for (unsigned long i = 0; i < it.card(); ++i) {
            DcmElement* e = it.getElement(i);
            if (!e) continue;
            const DcmTagKey key = e->getTag().getXTag();
            const unsigned short g = key.getGroup(), el = key.getElement();
            const bool isPrivate = (g & 1) != 0;
            const bool overlayOrCurve = (g & 0xFF00) == 0x6000 || (g & 0xFF00) == 0x5000;
            if (isPrivate || overlayOrCurve) {
                remove.push_back(key);
                continue;
            }
            const auto found = byTag.find({g, el});
            if (found == byTag.end()) {
                if (e->ident() == EVR_SQ) sequence(*static_cast<DcmSequenceOfItems*>(e));
                continue;
            }
            const ProfileAttribute& a = *found->second;
            switch (resolve(a.action, keep.count(a.keyword) > 0)) {
                case Do::Remove: remove.push_back(key); break;
                case Do::Descend:
                    if (e->ident() == EVR_SQ) sequence(*static_cast<DcmSequenceOfItems*>(e));
                    break;
                case Do::Empty:
                    if (e->ident() == EVR_SQ) static_cast<DcmSequenceOfItems*>(e)->clear();
                    else if (key == DCM_PatientName) e->putString("ANONYMOUS");
                    else if (key == DCM_PatientID) e->putString("ANON");
                    else e->putString("");
                    break;
                case Do::Dummy:
                    if (e->ident() == EVR_SQ) sequence(*static_cast<DcmSequenceOfItems*>(e));
                    else e->putString(dummyFor(e->ident()).c_str());
                    break;
                case Do::NewUid: {
                    OFString value;
                    std::string mapped;
                    for (unsigned long k = 0; e->getOFString(value, k).good(); ++k)
                        mapped += (k ? "\\" : "") + uids.map(value.c_str());
                    e->putString(mapped.c_str());
                    break;
                }
            }
        }
        for (const auto& key : remove) it.findAndDeleteElement(key, false, false);
    }

    void sequence(DcmSequenceOfItems& seq) {
        for (unsigned long i = 0; i < seq.card(); ++i)
            if (DcmItem* child = seq.getItem(i)) item(*child);
    }
};

}  // namespace

void deidentifyDataset(DcmItem& dataset, UidMap& uids, const std::vector<std::string>& keep) {
    Walker w{uids, {}, std::set<std::string>(keep.begin(), keep.end())};
    for (const auto& a : basicProfileAttributes()) w.byTag[{a.group, a.element}] = &a;
    w.item(dataset);
    // Attributes the profile asks emptied but that were absent stay absent; the patient's
    // identity is said to be removed, and how.
    dataset.putAndInsertString(DCM_PatientIdentityRemoved, "YES");
    dataset.putAndInsertString(DCM_DeidentificationMethod, kDeidentificationMethod);
    dataset.putAndInsertString(DCM_LongitudinalTemporalInformationModified, "REMOVED");
    dataset.findAndDeleteElement(DCM_DeidentificationMethodCodeSequence);
    DcmItem* code = nullptr;
    if (dataset.findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, code, -2).good() && code) {
        code->putAndInsertString(DCM_CodeValue, "113100");
        code->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
        code->putAndInsertString(DCM_CodeMeaning, "Basic Application Confidentiality Profile");
    }
}

CopiedImages copySourceImagesDeidentified(const image::CineSeries& series, const std::filesystem::path& folder,
                                          UidMap& uids, const ProgressFn& progress,
                                          std::vector<std::filesystem::path>* done) {
    registerDcmtkCodecs();
    CopiedImages out;
    std::vector<std::string> files;  // each source file once (a multi-frame file holds many images)
    std::set<std::string> seen;
    for (const auto& f : series.frames)
        if (seen.insert(f.file).second) files.push_back(f.file);
    ensureDirectory(folder);
    int burnedIn = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (progress && !progress(static_cast<double>(i) / files.size(), "De-identifying images")) break;
        DcmFileFormat ff;
        const OFCondition read = ff.loadFile(files[i].c_str());
        if (read.bad()) throw std::runtime_error("cannot read source image " + files[i] + " (" + read.text() + ")");
        ff.loadAllDataIntoMemory();
        DcmDataset& ds = *ff.getDataset();
        OFString burned;
        if (ds.findAndGetOFString(DCM_BurnedInAnnotation, burned).good() && burned == "YES") {
            ++burnedIn;
            continue;
        }
        deidentifyDataset(ds, uids);
        char name[32];
        std::snprintf(name, sizeof name, "IMG%05zu.dcm", out.files.size() + 1);
        const std::filesystem::path target = folder / name;
        const E_TransferSyntax syntax = ds.getOriginalXfer() == EXS_Unknown ? EXS_LittleEndianExplicit
                                                                             : ds.getOriginalXfer();
        writeAtomically(target, [&](const std::filesystem::path& tmp) {
            // New file meta information from the de-identified dataset (its SOP Instance UID).
            ff.getMetaInfo()->clear();
            const OFCondition st = ff.saveFile(tmp.string().c_str(), syntax);
            if (st.bad()) throw std::runtime_error(st.text());
        });
        out.files.push_back(target);
        if (done) done->push_back(target);
    }
    if (burnedIn > 0)
        out.warnings.push_back(std::to_string(burnedIn) +
                               " image(s) not copied: they say their pixels carry burned-in text, which "
                               "de-identification does not remove");
    return out;
}

}  // namespace cardioseg::io
