import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { CreateOrganisationRequest, OrganisationListQuery, OrganisationView, UpdateOrganisationRequest } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { OrganisationsService } from './organisations.service.js';

@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Contract({
    summary: 'Directory of organisations (collectivités, têtes de réseau ESS, structures membres)',
    query: OrganisationListQuery,
    response: z.array(OrganisationView),
  })
  list(@Query() query: OrganisationListQuery) {
    return this.organisations.list(query);
  }

  @Post()
  @Contract({ summary: 'Add an organisation to the directory', body: CreateOrganisationRequest, response: OrganisationView, status: 201 })
  create(@CurrentAuth() auth: RequestAuth, @Body() body: CreateOrganisationRequest) {
    return this.organisations.create(body, auth.account.id);
  }

  @Get(':organisationId')
  @Contract({ summary: 'One organisation', response: OrganisationView })
  get(@Param('organisationId', ParseUUIDPipe) id: string) {
    return this.organisations.get(id);
  }

  @Patch(':organisationId')
  @Contract({ summary: 'Edit an organisation (its members only)', body: UpdateOrganisationRequest, response: OrganisationView })
  update(@CurrentAuth() auth: RequestAuth, @Param('organisationId', ParseUUIDPipe) id: string, @Body() body: UpdateOrganisationRequest) {
    return this.organisations.update(id, body, auth.account.id);
  }
}
