/**
 * The kiosk's appointment screens (issue 11 #8), for the kiosk's flow to mount: AppointmentFound
 * (an appointment due now, after consent) and AppointmentBooking (choose, confirm, booked), with
 * what each says aloud.
 */
export { AppointmentFound, type AppointmentFoundProps } from './AppointmentFound';
export { AppointmentBooking, type AppointmentBookingProps } from './AppointmentBooking';
export { activeBookingParts, appointmentFoundParts, bookingSpokenParts } from './appointment-speech';
export { BookingController, type BookingStep } from './booking-controller';
