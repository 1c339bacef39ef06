-- The OpenMRS 2.5.14 tables the module's tests put OpenMRS's data in: the source tests (source.openmrs, through
-- OpenmrsTablesFixture: the source's SQL reads them) and the OpenMRS-shaped benchmark (bench.OpenmrsShapedBenchmark:
-- OpenmrsShapedClinic fills them, Hibernate reads them through openmrs-bench/openmrs.hbm.xml). Names, types, keys and
-- indexes as in OpenMRS 2.5.14's own schema, with the columns the source's SQL and the benchmark's mapping read plus
-- the NOT NULL ones the loaders write (the real tables have more columns, all nullable or unused here).
-- One schema for both (testsupport.OpenmrsSchema loads it). Runs on MariaDB and H2 (MySQL mode).
CREATE TABLE person (
    person_id int(11) NOT NULL PRIMARY KEY,
    gender varchar(50),
    birthdate date,
    birthdate_estimated tinyint(1) NOT NULL,
    dead tinyint(1) NOT NULL,
    date_created datetime NOT NULL,
    date_changed datetime,
    voided tinyint(1) NOT NULL,
    date_voided datetime,
    uuid char(38) NOT NULL UNIQUE,
    deathdate_estimated tinyint(1) NOT NULL
);
CREATE TABLE patient (
    patient_id int(11) NOT NULL PRIMARY KEY,
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    date_changed datetime,
    voided tinyint(1) NOT NULL,
    date_voided datetime,
    allergy_status varchar(50) NOT NULL
);
CREATE TABLE person_name (
    person_name_id int(11) NOT NULL PRIMARY KEY,
    preferred tinyint(1) NOT NULL,
    person_id int(11) NOT NULL,
    given_name varchar(50),
    middle_name varchar(50),
    family_name varchar(50),
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    voided tinyint(1) NOT NULL,
    date_voided datetime,
    date_changed datetime,
    uuid char(38) NOT NULL UNIQUE
);
CREATE INDEX person_name_person ON person_name (person_id);
CREATE TABLE patient_identifier_type (
    patient_identifier_type_id int(11) NOT NULL PRIMARY KEY,
    name varchar(50) NOT NULL,
    check_digit tinyint(1) NOT NULL,
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    required tinyint(1) NOT NULL,
    retired tinyint(1) NOT NULL,
    uuid char(38) NOT NULL UNIQUE
);
CREATE TABLE location (
    location_id int(11) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    retired tinyint(1) NOT NULL,
    uuid char(38) NOT NULL UNIQUE
);
CREATE TABLE patient_identifier (
    patient_identifier_id int(11) NOT NULL PRIMARY KEY,
    patient_id int(11) NOT NULL,
    identifier varchar(50) NOT NULL,
    identifier_type int(11) NOT NULL,
    preferred tinyint(1) NOT NULL,
    location_id int(11),
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    date_changed datetime,
    voided tinyint(1) NOT NULL,
    date_voided datetime,
    uuid char(38) NOT NULL UNIQUE
);
CREATE INDEX patient_identifier_patient ON patient_identifier (patient_id);
CREATE INDEX patient_identifier_identifier ON patient_identifier (identifier);
CREATE TABLE person_attribute_type (
    person_attribute_type_id int(11) NOT NULL PRIMARY KEY,
    name varchar(50) NOT NULL,
    format varchar(50),
    searchable tinyint(1) NOT NULL,
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    retired tinyint(1) NOT NULL,
    uuid char(38) NOT NULL UNIQUE
);
CREATE TABLE person_attribute (
    person_attribute_id int(11) NOT NULL PRIMARY KEY,
    person_id int(11) NOT NULL,
    value varchar(50) NOT NULL,
    person_attribute_type_id int(11) NOT NULL,
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    date_changed datetime,
    voided tinyint(1) NOT NULL,
    date_voided datetime,
    uuid char(38) NOT NULL UNIQUE
);
CREATE INDEX person_attribute_person ON person_attribute (person_id);
CREATE TABLE person_address (
    person_address_id int(11) NOT NULL PRIMARY KEY,
    person_id int(11),
    preferred tinyint(1) NOT NULL,
    address1 varchar(255),
    address2 varchar(255),
    city_village varchar(255),
    state_province varchar(255),
    postal_code varchar(50),
    country varchar(50),
    county_district varchar(255),
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    voided tinyint(1) NOT NULL,
    date_voided datetime,
    date_changed datetime,
    uuid char(38) NOT NULL UNIQUE
);
CREATE INDEX person_address_person ON person_address (person_id);
CREATE TABLE program (
    program_id int(11) NOT NULL PRIMARY KEY,
    concept_id int(11) NOT NULL,
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    retired tinyint(1) NOT NULL,
    name varchar(50) NOT NULL,
    uuid char(38) NOT NULL UNIQUE
);
CREATE TABLE patient_program (
    patient_program_id int(11) NOT NULL PRIMARY KEY,
    patient_id int(11) NOT NULL,
    program_id int(11) NOT NULL,
    date_enrolled datetime,
    date_completed datetime,
    location_id int(11),
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    date_changed datetime,
    voided tinyint(1) NOT NULL,
    date_voided datetime,
    uuid char(38) NOT NULL UNIQUE
);
CREATE INDEX patient_program_patient ON patient_program (patient_id);
CREATE TABLE encounter_type (
    encounter_type_id int(11) NOT NULL PRIMARY KEY,
    name varchar(50) NOT NULL UNIQUE,
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    retired tinyint(1) NOT NULL,
    uuid char(38) NOT NULL UNIQUE
);
CREATE TABLE form (
    form_id int(11) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    version varchar(50) NOT NULL,
    published tinyint(1) NOT NULL,
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    retired tinyint(1) NOT NULL,
    uuid char(38) NOT NULL UNIQUE
);
CREATE TABLE encounter (
    encounter_id int(11) NOT NULL PRIMARY KEY,
    encounter_type int(11) NOT NULL,
    patient_id int(11) NOT NULL,
    location_id int(11),
    form_id int(11),
    encounter_datetime datetime NOT NULL,
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    voided tinyint(1) NOT NULL,
    date_voided datetime,
    date_changed datetime,
    uuid char(38) NOT NULL UNIQUE
);
CREATE INDEX encounter_patient ON encounter (patient_id);
CREATE INDEX encounter_datetime_idx ON encounter (encounter_datetime);
CREATE TABLE concept_datatype (
    concept_datatype_id int(11) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    hl7_abbreviation varchar(3),
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    retired tinyint(1) NOT NULL,
    uuid char(38) NOT NULL UNIQUE
);
CREATE TABLE concept (
    concept_id int(11) NOT NULL PRIMARY KEY,
    retired tinyint(1) NOT NULL,
    datatype_id int(11) NOT NULL,
    class_id int(11) NOT NULL,
    is_set tinyint(1) NOT NULL,
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    uuid char(38) NOT NULL UNIQUE
);
CREATE TABLE concept_name (
    concept_name_id int(11) NOT NULL PRIMARY KEY,
    concept_id int(11),
    name varchar(255) NOT NULL,
    locale varchar(50) NOT NULL,
    locale_preferred tinyint(1),
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    concept_name_type varchar(50),
    voided tinyint(1) NOT NULL,
    uuid char(38) NOT NULL UNIQUE
);
CREATE INDEX concept_name_concept ON concept_name (concept_id);
CREATE TABLE obs (
    obs_id int(11) NOT NULL PRIMARY KEY,
    person_id int(11) NOT NULL,
    concept_id int(11) NOT NULL,
    encounter_id int(11),
    obs_datetime datetime NOT NULL,
    obs_group_id int(11),
    value_coded int(11),
    value_datetime datetime,
    value_numeric double,
    value_text text,
    creator int(11) NOT NULL,
    date_created datetime NOT NULL,
    voided tinyint(1) NOT NULL,
    date_voided datetime,
    uuid char(38) NOT NULL UNIQUE,
    form_namespace_and_path varchar(255),
    status varchar(16) NOT NULL
);
CREATE INDEX obs_encounter ON obs (encounter_id);
CREATE INDEX obs_group ON obs (obs_group_id);
CREATE INDEX obs_person ON obs (person_id);
