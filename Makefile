# Payung: two commands do all set-up on a fresh Debian machine with the .NET 10 SDK.
#   make run   install PostgreSQL if missing, build, migrate, load regions and demo data, serve
#   make test  the same prerequisites plus Chromium, then every test with a summary line
SHELL := /bin/bash
PAYUNG_PORT ?= 5080
export PAYUNG_PORT DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

.PHONY: run test build prerequisites

prerequisites:
	@scripts/prerequisites.sh

build: prerequisites
	dotnet build Payung.slnx -c Release --nologo -v quiet

run: prerequisites
	dotnet build src/Payung.Web -c Release --nologo -v quiet
	PAYUNG_SEED_DEMO=true dotnet run --project src/Payung.Web -c Release --no-build --no-launch-profile

test:
	@scripts/prerequisites.sh --browser
	@scripts/test.sh
