CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "User" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL
);


CREATE TABLE "DirectoryCompanies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DirectoryCompanies" PRIMARY KEY AUTOINCREMENT,
    "TsCode" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "FullName" TEXT NULL,
    "Area" TEXT NULL,
    "Industry" TEXT NULL,
    "ListDate" TEXT NULL,
    "DelistDate" TEXT NULL,
    "Status" TEXT NOT NULL,
    "City" TEXT NULL,
    "CityCode" TEXT NULL,
    "DistrictCode" TEXT NULL,
    "RegisteredAddress" TEXT NULL,
    "Board" TEXT NULL,
    "IsBiomedical" INTEGER NOT NULL,
    "Source" TEXT NOT NULL
);


CREATE TABLE "Indicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Indicators" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Aggregation" INTEGER NOT NULL,
    "Caliber" INTEGER NOT NULL,
    "Direction" INTEGER NOT NULL,
    "Sector" INTEGER NOT NULL,
    "IndustryCode" TEXT NULL,
    "Measure" INTEGER NOT NULL,
    "TierThreshold" TEXT NULL
);


CREATE TABLE "Industries" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Industries" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "ParentCode" TEXT NULL,
    "Sector" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL
);


CREATE TABLE "Regions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "IsOfficialCode" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "NameEn" TEXT NULL,
    "Level" INTEGER NOT NULL,
    "ParentId" INTEGER NULL,
    "ValidFromYear" INTEGER NULL,
    "ValidToYear" INTEGER NULL,
    "SuccessorId" INTEGER NULL,
    "SeriesCode" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_Regions_Regions_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Regions_Regions_SuccessorId" FOREIGN KEY ("SuccessorId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Enterprises" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Enterprises" PRIMARY KEY AUTOINCREMENT,
    "CreditCode" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "RegisteredRegionId" INTEGER NOT NULL,
    "IndustryCode" TEXT NOT NULL,
    "ListingStatus" INTEGER NOT NULL,
    "StockCode" TEXT NULL,
    "FoundedYear" INTEGER NULL,
    "IsSynthetic" INTEGER NOT NULL,
    CONSTRAINT "FK_Enterprises_Regions_RegisteredRegionId" FOREIGN KEY ("RegisteredRegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "IndicatorValues" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndicatorValues" PRIMARY KEY AUTOINCREMENT,
    "IndicatorId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Quarter" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    "Source" INTEGER NOT NULL,
    "IsSynthetic" INTEGER NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_IndicatorValues_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IndicatorValues_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Plans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Plans" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Issuer" TEXT NULL,
    "DocNumber" TEXT NULL,
    "RegionId" INTEGER NOT NULL,
    "PeriodStart" INTEGER NULL,
    "PeriodEnd" INTEGER NULL,
    "FullText" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Source" TEXT NULL,
    CONSTRAINT "FK_Plans_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Units" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Units" PRIMARY KEY AUTOINCREMENT,
    "FullName" TEXT NOT NULL,
    "ShortName" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "RegionId" INTEGER NULL,
    "ValidFromYear" INTEGER NULL,
    "ValidToYear" INTEGER NULL,
    "SuccessorId" INTEGER NULL,
    CONSTRAINT "FK_Units_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Units_Units_SuccessorId" FOREIGN KEY ("SuccessorId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "EnterpriseFigures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EnterpriseFigures" PRIMARY KEY AUTOINCREMENT,
    "EnterpriseId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Quarter" INTEGER NOT NULL,
    "Revenue" TEXT NOT NULL,
    "OutputValue" TEXT NOT NULL,
    "RdExpense" TEXT NOT NULL,
    "Employees" INTEGER NOT NULL,
    "InventionPatents" INTEGER NOT NULL,
    CONSTRAINT "FK_EnterpriseFigures_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE CASCADE
);


CREATE TABLE "PoolMemberships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PoolMemberships" PRIMARY KEY AUTOINCREMENT,
    "EnterpriseId" INTEGER NOT NULL,
    "Pool" INTEGER NOT NULL,
    "FromYear" INTEGER NOT NULL,
    "ToYear" INTEGER NULL,
    CONSTRAINT "FK_PoolMemberships_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ProductionSites" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProductionSites" PRIMARY KEY AUTOINCREMENT,
    "EnterpriseId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "Share" TEXT NOT NULL,
    CONSTRAINT "FK_ProductionSites_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProductionSites_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Allocations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Allocations" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    CONSTRAINT "FK_Allocations_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Allocations_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Allocations_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Baselines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Baselines" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "Quote" TEXT NULL,
    CONSTRAINT "FK_Baselines_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Baselines_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Baselines_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "PlanTasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanTasks" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_PlanTasks_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ReportForms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportForms" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "PeriodType" INTEGER NOT NULL,
    "PlanId" INTEGER NULL,
    "OpenDaysBeforeEnd" INTEGER NOT NULL,
    "CloseDaysAfterEnd" INTEGER NULL,
    "DeadlineDay" INTEGER NOT NULL,
    "DeadlineSkipsWeekends" INTEGER NOT NULL,
    "LockAfterDays" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "IsSynthetic" INTEGER NOT NULL,
    CONSTRAINT "FK_ReportForms_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Targets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Targets" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "RegionId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Comparator" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    "ValueMax" TEXT NULL,
    "Unit" TEXT NOT NULL,
    "Quote" TEXT NULL,
    CONSTRAINT "FK_Targets_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Targets_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Targets_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "UnitAliases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UnitAliases" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Alias" TEXT NOT NULL,
    CONSTRAINT "FK_UnitAliases_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Users" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY AUTOINCREMENT,
    "UserName" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "LockoutEndUtc" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Disabled" INTEGER NOT NULL,
    CONSTRAINT "FK_Users_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "TaskAssignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TaskAssignments" PRIMARY KEY AUTOINCREMENT,
    "PlanTaskId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Role" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "WrittenAs" TEXT NOT NULL,
    CONSTRAINT "FK_TaskAssignments_PlanTasks_PlanTaskId" FOREIGN KEY ("PlanTaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TaskAssignments_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "ReportFormAssignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportFormAssignments" PRIMARY KEY AUTOINCREMENT,
    "FormId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    CONSTRAINT "FK_ReportFormAssignments_ReportForms_FormId" FOREIGN KEY ("FormId") REFERENCES "ReportForms" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReportFormAssignments_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "ReportFormIndicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportFormIndicators" PRIMARY KEY AUTOINCREMENT,
    "FormId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "Label" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "MinValue" TEXT NULL,
    "MaxValue" TEXT NULL,
    "IsCumulative" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_ReportFormIndicators_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReportFormIndicators_ReportForms_FormId" FOREIGN KEY ("FormId") REFERENCES "ReportForms" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ReportFormTasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReportFormTasks" PRIMARY KEY AUTOINCREMENT,
    "FormId" INTEGER NOT NULL,
    "PlanTaskId" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_ReportFormTasks_PlanTasks_PlanTaskId" FOREIGN KEY ("PlanTaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReportFormTasks_ReportForms_FormId" FOREIGN KEY ("FormId") REFERENCES "ReportForms" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Submissions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Submissions" PRIMARY KEY AUTOINCREMENT,
    "FormId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "PeriodKey" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "CurrentVersion" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "SubmittedBy" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewedBy" TEXT NULL,
    "ReturnReason" TEXT NULL,
    "UnlockedAt" TEXT NULL,
    "UnlockedBy" TEXT NULL,
    "IsSynthetic" INTEGER NOT NULL,
    CONSTRAINT "FK_Submissions_ReportForms_FormId" FOREIGN KEY ("FormId") REFERENCES "ReportForms" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Submissions_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "ValidationRules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ValidationRules" PRIMARY KEY AUTOINCREMENT,
    "FormId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Left" TEXT NOT NULL,
    "Operator" INTEGER NOT NULL,
    "Right" TEXT NOT NULL,
    "Tolerance" TEXT NULL,
    "Importance" INTEGER NOT NULL,
    "MissingValues" INTEGER NOT NULL,
    "Message" TEXT NOT NULL,
    "Field" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    CONSTRAINT "FK_ValidationRules_ReportForms_FormId" FOREIGN KEY ("FormId") REFERENCES "ReportForms" ("Id") ON DELETE CASCADE
);


CREATE TABLE "SubmissionAttachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubmissionAttachments" PRIMARY KEY AUTOINCREMENT,
    "SubmissionId" INTEGER NOT NULL,
    "PlanTaskId" INTEGER NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    CONSTRAINT "FK_SubmissionAttachments_Submissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "Submissions" ("Id") ON DELETE CASCADE
);


CREATE TABLE "SubmissionVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubmissionVersions" PRIMARY KEY AUTOINCREMENT,
    "SubmissionId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "SavedBy" TEXT NOT NULL,
    "SavedAt" TEXT NOT NULL,
    "ValuesJson" TEXT NOT NULL,
    "WarningsJson" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    CONSTRAINT "FK_SubmissionVersions_Submissions_SubmissionId" FOREIGN KEY ("SubmissionId") REFERENCES "Submissions" ("Id") ON DELETE CASCADE
);


CREATE TABLE "TaskReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TaskReports" PRIMARY KEY AUTOINCREMENT,
    "VersionId" INTEGER NOT NULL,
    "PlanTaskId" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "Percent" INTEGER NOT NULL,
    "DoneThisPeriod" TEXT NULL,
    "Problems" TEXT NULL,
    "NextSteps" TEXT NULL,
    CONSTRAINT "FK_TaskReports_PlanTasks_PlanTaskId" FOREIGN KEY ("PlanTaskId") REFERENCES "PlanTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TaskReports_SubmissionVersions_VersionId" FOREIGN KEY ("VersionId") REFERENCES "SubmissionVersions" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_Allocations_IndicatorId" ON "Allocations" ("IndicatorId");


CREATE INDEX "IX_Allocations_PlanId_Year" ON "Allocations" ("PlanId", "Year");


CREATE INDEX "IX_Allocations_RegionId" ON "Allocations" ("RegionId");


CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");


CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");


CREATE INDEX "IX_Baselines_IndicatorId" ON "Baselines" ("IndicatorId");


CREATE INDEX "IX_Baselines_PlanId_IndicatorId" ON "Baselines" ("PlanId", "IndicatorId");


CREATE INDEX "IX_Baselines_RegionId" ON "Baselines" ("RegionId");


CREATE INDEX "IX_DirectoryCompanies_CityCode" ON "DirectoryCompanies" ("CityCode");


CREATE UNIQUE INDEX "IX_DirectoryCompanies_TsCode" ON "DirectoryCompanies" ("TsCode");


CREATE UNIQUE INDEX "IX_EnterpriseFigures_EnterpriseId_Year_Quarter" ON "EnterpriseFigures" ("EnterpriseId", "Year", "Quarter");


CREATE INDEX "IX_EnterpriseFigures_Year_Quarter" ON "EnterpriseFigures" ("Year", "Quarter");


CREATE UNIQUE INDEX "IX_Enterprises_CreditCode" ON "Enterprises" ("CreditCode");


CREATE INDEX "IX_Enterprises_IndustryCode" ON "Enterprises" ("IndustryCode");


CREATE INDEX "IX_Enterprises_RegisteredRegionId" ON "Enterprises" ("RegisteredRegionId");


CREATE UNIQUE INDEX "IX_Indicators_Name_Unit" ON "Indicators" ("Name", "Unit");


CREATE UNIQUE INDEX "IX_IndicatorValues_IndicatorId_RegionId_Year_Quarter_Source" ON "IndicatorValues" ("IndicatorId", "RegionId", "Year", "Quarter", "Source");


CREATE INDEX "IX_IndicatorValues_RegionId" ON "IndicatorValues" ("RegionId");


CREATE INDEX "IX_Plans_RegionId" ON "Plans" ("RegionId");


CREATE UNIQUE INDEX "IX_Plans_Slug" ON "Plans" ("Slug");


CREATE INDEX "IX_PlanTasks_PlanId_SortOrder" ON "PlanTasks" ("PlanId", "SortOrder");


CREATE INDEX "IX_PoolMemberships_EnterpriseId" ON "PoolMemberships" ("EnterpriseId");


CREATE INDEX "IX_PoolMemberships_Pool_EnterpriseId" ON "PoolMemberships" ("Pool", "EnterpriseId");


CREATE UNIQUE INDEX "IX_ProductionSites_EnterpriseId_RegionId" ON "ProductionSites" ("EnterpriseId", "RegionId");


CREATE INDEX "IX_ProductionSites_RegionId" ON "ProductionSites" ("RegionId");


CREATE UNIQUE INDEX "IX_Regions_Code_Name" ON "Regions" ("Code", "Name");


CREATE INDEX "IX_Regions_Name" ON "Regions" ("Name");


CREATE INDEX "IX_Regions_ParentId" ON "Regions" ("ParentId");


CREATE INDEX "IX_Regions_SeriesCode" ON "Regions" ("SeriesCode");


CREATE INDEX "IX_Regions_SuccessorId" ON "Regions" ("SuccessorId");


CREATE UNIQUE INDEX "IX_ReportFormAssignments_FormId_UnitId" ON "ReportFormAssignments" ("FormId", "UnitId");


CREATE INDEX "IX_ReportFormAssignments_UnitId" ON "ReportFormAssignments" ("UnitId");


CREATE UNIQUE INDEX "IX_ReportFormIndicators_FormId_Label" ON "ReportFormIndicators" ("FormId", "Label");


CREATE INDEX "IX_ReportFormIndicators_IndicatorId" ON "ReportFormIndicators" ("IndicatorId");


CREATE UNIQUE INDEX "IX_ReportForms_Name" ON "ReportForms" ("Name");


CREATE INDEX "IX_ReportForms_PlanId" ON "ReportForms" ("PlanId");


CREATE UNIQUE INDEX "IX_ReportFormTasks_FormId_PlanTaskId" ON "ReportFormTasks" ("FormId", "PlanTaskId");


CREATE INDEX "IX_ReportFormTasks_PlanTaskId" ON "ReportFormTasks" ("PlanTaskId");


CREATE INDEX "IX_SubmissionAttachments_SubmissionId" ON "SubmissionAttachments" ("SubmissionId");


CREATE INDEX "IX_Submissions_FormId_PeriodKey" ON "Submissions" ("FormId", "PeriodKey");


CREATE UNIQUE INDEX "IX_Submissions_FormId_UnitId_PeriodKey" ON "Submissions" ("FormId", "UnitId", "PeriodKey");


CREATE INDEX "IX_Submissions_UnitId" ON "Submissions" ("UnitId");


CREATE UNIQUE INDEX "IX_SubmissionVersions_SubmissionId_Number" ON "SubmissionVersions" ("SubmissionId", "Number");


CREATE INDEX "IX_Targets_IndicatorId" ON "Targets" ("IndicatorId");


CREATE INDEX "IX_Targets_PlanId_Year" ON "Targets" ("PlanId", "Year");


CREATE INDEX "IX_Targets_RegionId" ON "Targets" ("RegionId");


CREATE INDEX "IX_TaskAssignments_PlanTaskId" ON "TaskAssignments" ("PlanTaskId");


CREATE INDEX "IX_TaskAssignments_UnitId" ON "TaskAssignments" ("UnitId");


CREATE INDEX "IX_TaskReports_PlanTaskId" ON "TaskReports" ("PlanTaskId");


CREATE UNIQUE INDEX "IX_TaskReports_VersionId_PlanTaskId" ON "TaskReports" ("VersionId", "PlanTaskId");


CREATE INDEX "IX_UnitAliases_Alias" ON "UnitAliases" ("Alias");


CREATE UNIQUE INDEX "IX_UnitAliases_UnitId_Alias" ON "UnitAliases" ("UnitId", "Alias");


CREATE INDEX "IX_Units_FullName" ON "Units" ("FullName");


CREATE INDEX "IX_Units_RegionId" ON "Units" ("RegionId");


CREATE INDEX "IX_Units_SuccessorId" ON "Units" ("SuccessorId");


CREATE INDEX "IX_Users_UnitId" ON "Users" ("UnitId");


CREATE UNIQUE INDEX "IX_Users_UserName" ON "Users" ("UserName");


CREATE INDEX "IX_ValidationRules_FormId" ON "ValidationRules" ("FormId");



